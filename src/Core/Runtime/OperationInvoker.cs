using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Endpoints;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// One operation call, step after step as DESIGN.md draws it: parameters -> validate -> serialize -> endpoint ->
/// sign -> send/retry -> parse. botocore's events are offered at the same points, as an extension point only.
/// </summary>
internal sealed class OperationInvoker
{
    private readonly ClientContext _client;
    private readonly OperationModel _operation;
    private readonly OperationEventNames _events;
    private readonly ClientConfig _customizationConfig;
    private readonly Func<string, string?> _environment;
    private readonly bool _streamsOutput;
    private readonly bool _streamsInput;

    // What follows from the last endpoint resolved (the resolver hands back the same instance for the same parameters).
    private volatile EndpointDerived<Uri>? _lastUrl;
    private volatile EndpointDerived<AuthScheme>? _lastAuth;

    public OperationInvoker(ClientContext client, OperationModel operation)
    {
        _client = client;
        _operation = operation;
        _events = new OperationEventNames(client.Model.HyphenizedServiceId, operation.Name);
        _customizationConfig = client.Config with { ResponseChecksumValidation = client.Calls.ResponseChecksumValidation };
        // The model works these out from the members on every access.
        _streamsOutput = operation.StreamingOutput != null || operation.EventStreamOutput != null;
        _streamsInput = operation.StreamingInput != null;
        _environment = name => client.Settings.Environment.TryGetValue(name, out var value) ? value : null;
    }

    public Task<ValueMap> InvokeAsync(IDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        InvokeAsync(parameters, null, cancellationToken);

    /// <summary>One page of a paginated run: <paramref name="run"/> converts the page's input, reusing what earlier pages converted.</summary>
    public async Task<ValueMap> InvokeAsync(IDictionary<string, object?>? parameters, PaginatedInput? run, CancellationToken cancellationToken)
    {
        var call = Prepare(parameters, run: run);
        if (Heard(_events.BeforeCall)
            && _client.Events.EmitUntilResponse(_events.BeforeCall, new AwsEventArgs(_operation) { Request = call.Request }) is AwsEventResponse canned)
            return new ValueMap(canned.Parsed);

        FinishBody(call);
        var output = await SendWithRetries(call, cancellationToken).ConfigureAwait(false);
        if (Heard(_events.AfterCall)) _client.Events.Emit(_events.AfterCall, new AwsEventArgs(_operation) { Request = call.Request, Parsed = output });
        return output;
    }

    /// <summary>Builds the request as it would be sent, signed with current credentials, without sending it.</summary>
    public async Task<AwsHttpRequest> BuildSignedRequestAsync(IDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        var call = Prepare(parameters);
        FinishBody(call);
        await Sign(call, cancellationToken).ConfigureAwait(false);
        return call.Request;
    }

    /// <summary>A presigned URL for the call (S3 GetObject/PutObject, RDS auth tokens, ...).</summary>
    public async Task<Uri> PresignAsync(IDictionary<string, object?>? parameters, int expiresInSeconds, CancellationToken cancellationToken)
    {
        var (request, auth) = (Prepare(parameters, presign: true) is var call ? (call.Request, call.Auth) : default);
        if (auth.Kind != AuthSchemeKind.SigV4)
            throw new NotSupportedException($"{_operation}: only SigV4-signed operations can be presigned (this one uses {auth.Kind})");
        var credentials = await RequireCredentials(cancellationToken).ConfigureAwait(false);
        request.Headers.Remove("User-Agent");
        return _client.Signer.Presign(request, credentials, auth.ToSigV4Options(), expiresInSeconds);
    }

    private PreparedCall Prepare(IDictionary<string, object?>? parameters, bool presign = false, PaginatedInput? run = null)
    {
        IDictionary<string, object?>? given = parameters ?? new Dictionary<string, object?>();
        // A handler that sees the input may change any member at any depth: a page it sees is converted whole and shares nothing.
        if (Heard(_events.BeforeEndpointResolution)) run = null;
        if (Heard(_events.ProvideClientParams) || Heard(_events.BeforeParameterBuild))
        {
            var args = new AwsEventArgs(_operation) { Parameters = given };
            _client.Events.Emit(_events.ProvideClientParams, args);
            _client.Events.Emit(_events.BeforeParameterBuild, args);
            given = args.Parameters;
            run = null;
        }

        var input = run is not null
            ? run.ConvertPage(given!)
            : (IDictionary<string, object?>)ParameterConverter.ConvertInput(given, _operation.Input);
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        ServiceCustomizations.BeforeParameterBuild(_operation, input, context, _customizationConfig);
        InjectCrossRegionPresignedUrl(input, presign);
        if (_client.Calls.ValidateParameters) ParameterValidator.ThrowIfInvalid(input, _operation.Input);

        if (Heard(_events.BeforeEndpointResolution))
            _client.Events.Emit(_events.BeforeEndpointResolution, new AwsEventArgs(_operation) { Parameters = input });
        var endpoint = _client.Endpoints.Resolve(_operation, (IReadOnlyDictionary<string, object?>)input, EndpointStep.BuiltInOverrides(_operation, input));

        var request = _client.Protocol.Serializer.Serialize(_operation, input);
        EndpointStep.Apply(request, endpoint, UrlOf(endpoint));
        if (!_client.Calls.InjectHostPrefix) request.HostPrefix = null;
        request.Headers["User-Agent"] = _client.UserAgent;
        ServiceCustomizations.BeforeCall(_operation, input, request, _environment);
        RequestUrl.Normalize(request);

        var readOnlyInput = (IReadOnlyDictionary<string, object?>)input;
        var checksum = FlexibleChecksums.ResolveRequestAlgorithm(_operation, readOnlyInput, request, _client.Calls.RequestChecksumCalculation,
            isPresignRequest: presign);
        var responseAlgorithms = FlexibleChecksums.ResolveResponseAlgorithms(_operation, readOnlyInput);
        if (Heard(_events.RequestCreated)) _client.Events.Emit(_events.RequestCreated, new AwsEventArgs(_operation) { Request = request });

        return new PreparedCall(input, context, request, AuthOf(endpoint), checksum, responseAlgorithms);
    }

    private Uri UrlOf(ResolvedEndpoint endpoint)
    {
        if (_lastUrl is { } last && ReferenceEquals(last.Endpoint, endpoint)) return last.Value;
        var url = EndpointStep.ParseUrl(endpoint);
        _lastUrl = new EndpointDerived<Uri>(endpoint, url);
        return url;
    }

    private AuthScheme AuthOf(ResolvedEndpoint endpoint)
    {
        if (_lastAuth is { } last && ReferenceEquals(last.Endpoint, endpoint)) return last.Value;
        var modelAuth = _operation.Auth.Count > 0 ? _operation.Auth : _client.Model.Auth;
        var auth = AuthSchemeResolver.Resolve(modelAuth, _operation.AuthType, _client.Model.SignatureVersion, _client.Model.SigningName,
            _client.Region, endpoint.AuthSchemes.Cast<object?>().ToList(), _operation.UnsignedPayload);
        _lastAuth = new EndpointDerived<AuthScheme>(endpoint, auth);
        return auth;
    }

    /// <summary>A value that follows from one resolved endpoint alone.</summary>
    private sealed record EndpointDerived<T>(ResolvedEndpoint Endpoint, T Value);

    /// <summary>botocore's inject_presigned_url_ec2/_rds: cross-region copies carry a URL presigned in the source region.</summary>
    private void InjectCrossRegionPresignedUrl(IDictionary<string, object?> input, bool presigning)
    {
        var service = _client.Model.HyphenizedServiceId;
        if (presigning || !PresignedUrlCustomizations.Applies(service, _operation.Name)) return;
        CrossRegionPresigner presigner = (parameters, sourceRegion) =>
            new OperationInvoker(_client.ForRegion(sourceRegion), _operation)
                .PresignAsync(new Dictionary<string, object?>(parameters.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), 3600, CancellationToken.None)
                .GetAwaiter().GetResult().AbsoluteUri;
        if (service == "ec2") PresignedUrlCustomizations.InjectPresignedUrlEc2(input, _client.Region, presigner);
        else PresignedUrlCustomizations.InjectPresignedUrlRds(input, _client.Region, presigner);
    }

    /// <summary>Compression, then the request checksum over the final body (botocore's order).</summary>
    private void FinishBody(PreparedCall call)
    {
        RequestCompression.MaybeCompressRequest(call.Request, _operation, _client.Calls.DisableRequestCompression, _client.Calls.RequestMinCompressionSizeBytes);
        FlexibleChecksums.ApplyRequestChecksum(call.Request, call.Checksum);
        if (call.Auth.Kind == AuthSchemeKind.None) FlexibleChecksums.SetExtraHeadersForUnsignedRequest(call.Request, call.Checksum);
    }

    private async Task<ValueMap> SendWithRetries(PreparedCall call, CancellationToken cancellationToken)
    {
        var request = call.Request;
        var retry = _client.Retries.BeginRequest();
        var bodyStart = request.BodyStream is { CanSeek: true } s ? s.Position : (long?)null;
        // A forward-only body was consumed by the first attempt: nothing can be resent, so its failure is the call's.
        var canResend = request.BodyStream is null || bodyStart is not null || request.BodyStream is IRewindableStream { CanRewind: true };
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && request.BodyStream != null)
            {
                if (request.BodyStream is IRewindableStream { CanRewind: true } rewindable) rewindable.Rewind();
                else request.BodyStream.Position = bodyStart!.Value;
            }
            var wait = _client.Retries.BeforeSend(retry);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);

            await Sign(call, cancellationToken).ConfigureAwait(false);
            if (Heard(_events.BeforeSend)) _client.Events.Emit(_events.BeforeSend, new AwsEventArgs(_operation) { Request = request });

            AwsHttpResponse? response = null;
            Exception failure;
            RetryAttempt outcome;
            try
            {
                response = await _client.Transport.SendAsync(request, _streamsOutput, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsTransportException e)
            {
                failure = e;
                outcome = new RetryAttempt { AttemptNumber = attempt, TransportError = ToRetryError(e.Failure) };
                if (await ShouldRetry(retry, outcome, e, canResend, cancellationToken).ConfigureAwait(false)) continue;
                throw;
            }

            if (response.StatusCode >= 300) await BufferBody(response, cancellationToken).ConfigureAwait(false);
            var extraOutput = ServiceCustomizations.BeforeParse(_operation, response);
            if (response.StatusCode >= 300)
            {
                var error = _client.Protocol.Parser.ParseError(_operation, response);
                var skewed = _client.Clock.Correct(error.ErrorCode, response.Headers);
                outcome = new RetryAttempt
                {
                    AttemptNumber = attempt,
                    StatusCode = response.StatusCode,
                    ErrorCode = error.ErrorCode,
                    ModeledRetry = ModeledRetryOf(error.ErrorCode),
                    ClockSkewCorrected = skewed,
                };
                if (Heard(_events.AfterCallError))
                    _client.Events.Emit(_events.AfterCallError, new AwsEventArgs(_operation) { Request = request, HttpResponse = response, Exception = error, Attempt = attempt });
                failure = error;
                if (await ShouldRetry(retry, outcome, failure, canResend, cancellationToken).ConfigureAwait(false)) continue;
                RecordRetries(error.Response, attempt);
                throw error;
            }

            if (Crc32Mismatch(response))
            {
                outcome = new RetryAttempt { AttemptNumber = attempt, StatusCode = response.StatusCode, Crc32Mismatch = true };
                failure = new AwsTransportException(TransportFailure.ConnectionClosed,
                    $"{_operation}: the response body does not match its x-amz-crc32 header (the body was damaged in transit)");
                if (await ShouldRetry(retry, outcome, failure, canResend, cancellationToken).ConfigureAwait(false)) continue;
                throw failure;
            }
            _client.Retries.Evaluate(retry, new RetryAttempt { AttemptNumber = attempt, StatusCode = response.StatusCode });
            if (_client.Calls.ResponseChecksumValidation == ResponseChecksumValidation.WhenSupported || IsValidationRequested(call))
                FlexibleChecksums.ValidateResponse(response, call.ResponseAlgorithms);
            var output = _client.Protocol.Parser.Parse(_operation, response);
            if (extraOutput != null) foreach (var pair in extraOutput) output[pair.Key] = pair.Value;
            ServiceCustomizations.AfterCall(_operation, call.Input, response, output, call.Context);
            RecordRetries(output, attempt);
            return output;
        }
    }

    private static readonly object NoRetries = 0;

    /// <summary>botocore's ResponseMetadata.RetryAttempts, on outputs and service errors alike: the retries, not the attempts.</summary>
    private static void RecordRetries(IReadOnlyDictionary<string, object?> parsed, int attempt)
    {
        if (parsed.TryGetValue("ResponseMetadata", out var found) && found is IDictionary<string, object?> metadata)
            metadata["RetryAttempts"] = attempt == 1 ? NoRetries : attempt - 1;
    }

    private async Task<bool> ShouldRetry(RetryRequest retry, RetryAttempt outcome, Exception failure, bool canResend, CancellationToken cancellationToken)
    {
        var decision = _client.Retries.Evaluate(retry, outcome);
        if (decision.ShouldRetry && !canResend) decision = RetryDecision.Stop("the request body stream cannot be rewound");
        var args = new AwsEventArgs(_operation) { Exception = failure, Attempt = outcome.AttemptNumber };
        args.Context["retry_decision"] = decision.ToString();
        _client.Events.Emit(_events.NeedsRetry, args);
        if (!decision.ShouldRetry) return false;
        await Task.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>True when a handler would run for the event: the event's args are only built for someone to see them.</summary>
    private bool Heard(string eventName) => _client.Events.HasHandlers(eventName);

    private bool IsValidationRequested(PreparedCall call) => call.ResponseAlgorithms.Count > 0;

    private async Task Sign(PreparedCall call, CancellationToken cancellationToken)
    {
        var request = call.Request;
        var auth = call.Auth;
        if (Heard(_events.BeforeSign)) _client.Events.Emit(_events.BeforeSign, new AwsEventArgs(_operation) { Request = request });
        switch (auth.Kind)
        {
            case AuthSchemeKind.None:
                return;
            case AuthSchemeKind.Bearer:
                var token = await _client.BearerToken(cancellationToken).ConfigureAwait(false);
                BearerTokenSigner.Sign(request, token);
                return;
            default:
                var credentials = await RequireCredentials(cancellationToken).ConfigureAwait(false);
                var options = new SigV4SigningOptions(auth.SigningRegion, auth.SigningName)
                {
                    S3Variant = auth.S3Variant,
                    PayloadSigningEnabled = auth.PayloadSigningEnabled,
                    HasStreamingInput = _streamsInput,
                    S3PayloadSigningEnabled = _client.Calls.S3PayloadSigningEnabled,
                    ChecksumHeader = call.Checksum is { InTrailer: false } plan ? plan.HeaderName : null,
                    ChecksumInTrailer = call.Checksum?.InTrailer == true,
                };
                _client.Signer.Sign(request, credentials, options);
                return;
        }
    }

    /// <summary>The credentials to sign with; a provider that has them at hand (static, cached) costs no Task.</summary>
    private ValueTask<AwsCredentials> RequireCredentials(CancellationToken cancellationToken)
    {
        // The default chain names every source it tried; any other provider is the one source.
        if (_client.Credentials is DefaultCredentialChain chain) return new ValueTask<AwsCredentials>(FromChain(chain, cancellationToken));
        var pending = _client.Credentials.ResolveAsync(cancellationToken);
        return pending.Status == TaskStatus.RanToCompletion
            ? new ValueTask<AwsCredentials>(Accept(pending.Result))
            : new ValueTask<AwsCredentials>(Accepted(pending));
    }

    private async Task<AwsCredentials> Accepted(Task<AwsCredentials?> pending) => Accept(await pending.ConfigureAwait(false));

    private async Task<AwsCredentials> FromChain(DefaultCredentialChain chain, CancellationToken cancellationToken) =>
        Accept(await chain.RequireAsync(cancellationToken).ConfigureAwait(false));

    private AwsCredentials Accept(AwsCredentials? credentials)
    {
        if (credentials is null) throw new NoCredentialsException(new[] { _client.Credentials.Name });
        _client.CredentialSource = credentials.Source;
        return credentials;
    }

    /// <summary>DynamoDB sends x-amz-crc32 over the body; a mismatch means damage in transit, retried as botocore does.</summary>
    private static bool Crc32Mismatch(AwsHttpResponse response)
    {
        if (response.BodyStream != null || !response.Headers.TryGetValue("x-amz-crc32", out var header)) return false;
        if (!uint.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expected)) return false;
        var crc = Crc32Checksum.Crc32();
        crc.Update(response.Body);
        return crc.Value != expected;
    }

    private static async Task BufferBody(AwsHttpResponse response, CancellationToken cancellationToken)
    {
        if (response.BodyStream is not { } stream) return;
        using (stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
            response.Body = copy.ToArray();
        }
        response.BodyStream = null;
    }

    private ModeledRetry ModeledRetryOf(string code)
    {
        foreach (var shape in _operation.Errors)
        {
            if ((shape.Error?.Code ?? shape.Name) != code) continue;
            if (shape.TraitElement("retryable") is not { } retryable) return ModeledRetry.None;
            return retryable.ValueKind == System.Text.Json.JsonValueKind.Object &&
                   retryable.TryGetProperty("throttling", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.True
                ? ModeledRetry.Throttling
                : ModeledRetry.Transient;
        }
        return ModeledRetry.None;
    }

    private static RetryTransportError ToRetryError(TransportFailure failure) => failure switch
    {
        TransportFailure.ConnectTimeout => RetryTransportError.ConnectTimeout,
        TransportFailure.ReadTimeout => RetryTransportError.ReadTimeout,
        _ => RetryTransportError.Connection,
    };
}

/// <summary>One call's request and the decisions made while preparing it.</summary>
internal sealed record PreparedCall(IDictionary<string, object?> Input, IDictionary<string, object?> Context, AwsHttpRequest Request, AuthScheme Auth, RequestChecksumPlan? Checksum, IReadOnlyList<string> ResponseAlgorithms);
