using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Config;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>
/// The base of AwsCore's cmdlets that call AWS: one cancellation source per command, cancelled by StopProcessing
/// (Ctrl+C) so the HTTP call in flight ends; every failure of one pipeline input becomes a non-terminating error.
/// </summary>
public abstract class AwsCmdlet : PSCmdlet, IDisposable
{
    private static readonly ParameterConversionOptions CommandInput = ParameterConversionOptions.ForCommands(PSValues.Unwrap);

    private readonly CancellationTokenSource _stop = new();

    /// <summary>Cancels the call in flight.</summary>
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();

    /// <summary>
    /// Calls <paramref name="operation"/> of <paramref name="service"/> and writes its output as it arrives, as
    /// <see cref="ForInput"/> runs it.
    /// </summary>
    internal void Run(string service, string operation, object? parameters, CommonArguments common, PagingArguments paging, object? target) =>
        ForInput(target, () =>
        {
            var (op, input) = Prepare(service, operation, parameters);
            using var client = CreateClient(op, common);
            var execution = new CommandExecution(new AwsClientCaller(client), new OutputShaper(PSValues.MakeObject));
            foreach (var result in execution.Run(op, input, paging, common.Query, _stop.Token))
                WriteObject(result);
        });

    /// <summary>
    /// Does the work of one pipeline input. Failures are written as errors for <paramref name="target"/>; a stopped
    /// pipeline (Ctrl+C, or <c>Select-Object -First</c> downstream) propagates.
    /// </summary>
    internal void ForInput(object? target, Action work)
    {
        try
        {
            work();
        }
        catch (PipelineStoppedException)
        {
            _stop.Cancel();
            throw;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested || Stopping)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            WriteError(ErrorRecords.From(e, target));
        }
    }

    /// <summary>
    /// The operation and its input converted from what the user gave; errors name the parameter path. The client
    /// takes the converted input as it is, so the input is converted once.
    /// </summary>
    internal static (OperationModel Operation, Dictionary<string, object?> Input) Prepare(string service, string operation, object? parameters)
    {
        var op = ModelLoader.Default.GetService(service).GetOperation(operation);
        return (op, (Dictionary<string, object?>)ParameterConverter.ConvertInput(parameters, op.Input, CommandInput));
    }

    /// <summary>A client for the operation's service; with -Verbose, where each setting comes from (never a secret).</summary>
    internal AwsClient CreateClient(OperationModel operation, CommonArguments common)
    {
        var model = operation.Service;
        var verbose = VerboseEnabled;
        if (verbose)
            foreach (var entry in SettingsReport.Describe(common, new ConfigResolver(null, common.ExplicitSettings()), model))
                WriteVerbose($"{model.ServiceName}.{operation.Name}: {entry}");
        var client = AwsClientFactory.Create(model.ServiceName, new ClientOptions
        {
            Region = common.Region,
            ProfileName = common.ProfileName,
            EndpointUrl = common.EndpointUrl,
            Credentials = common.Credential,
        });
        if (verbose)
            foreach (var line in client.Provenance)
                WriteVerbose($"{model.ServiceName}.{operation.Name}: {line}");
        return client;
    }

    /// <summary>The token cancelled by StopProcessing.</summary>
    internal CancellationToken StopToken => _stop.Token;

    /// <summary>Whether -Verbose or $VerbosePreference asks for verbose output (checked before costly descriptions).</summary>
    protected bool VerboseEnabled
    {
        get
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var v) && v is SwitchParameter s) return s.IsPresent;
            return GetVariableValue("VerbosePreference") is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }
    }
}
