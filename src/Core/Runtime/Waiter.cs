using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Drives a waiter definition (botocore's Waiter): polls the operation, checks the acceptors in order after each
/// response, sleeps the delay between attempts, and ends in success or a <see cref="WaiterException"/>.
/// Safe to share: each wait is independent.
/// </summary>
public sealed class Waiter
{
    private readonly Func<Dictionary<string, object?>, CancellationToken, Task<WaiterResponse>> _poll;
    private readonly Func<IWaiterClock> _clock;

    /// <summary>Creates a waiter over <paramref name="poll"/>, which calls the definition's operation once and reports the outcome (it should not throw for service errors).</summary>
    public Waiter(WaiterDefinition definition, Func<Dictionary<string, object?>, CancellationToken, Task<WaiterResponse>> poll)
        : this(definition, poll, () => new SystemWaiterClock())
    {
    }

    internal Waiter(WaiterDefinition definition, Func<Dictionary<string, object?>, CancellationToken, Task<WaiterResponse>> poll, Func<IWaiterClock> clock)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _poll = poll ?? throw new ArgumentNullException(nameof(poll));
        _clock = clock;
    }

    /// <summary>The definition this waiter follows.</summary>
    public WaiterDefinition Definition { get; }

    /// <summary>Waits synchronously; see <see cref="WaitAsync"/>.</summary>
    public WaiterResult Wait(IDictionary<string, object?>? input = null, WaiterOptions? options = null, CancellationToken cancellationToken = default) =>
        WaitAsync(input, options, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Polls until an acceptor reaches success, returning the attempts made and the last response.</summary>
    /// <exception cref="WaiterException">A failure acceptor fired, an unexpected error came back, or attempts or time ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WaiterResult> WaitAsync(IDictionary<string, object?>? input = null, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        var delay = options?.Delay ?? TimeSpan.FromSeconds(Definition.Delay);
        var maxAttempts = options?.MaxAttempts ?? Definition.MaxAttempts;
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), $"WaiterOptions.Delay must not be negative, got {delay}");
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(options), $"WaiterOptions.MaxAttempts must be at least 1, got {maxAttempts}");
        var timeout = options?.Timeout;
        var request = input is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(input, StringComparer.Ordinal);
        var clock = _clock();
        var state = WaiterState.Retry;
        WaiterAcceptor? lastMatched = null;
        WaiterResponse? response = null;
        var attempts = 0;
        while (true)
        {
            response = await PollOnce(request, clock, timeout, attempts, response, cancellationToken).ConfigureAwait(false);
            attempts++;
            var matched = FirstMatch(response);
            if (matched is not null)
            {
                lastMatched = matched;
                state = matched.State;
            }
            else if (response.ErrorCode is not null)
            {
                throw Fail(WaiterFailure.UnexpectedError, $"An error occurred ({response.ErrorCode}): {response.ErrorMessage ?? "Unknown"}", null, response, attempts);
            }
            if (state == WaiterState.Success) return new WaiterResult(attempts, response, matched ?? lastMatched);
            if (state == WaiterState.Failure)
                throw Fail(WaiterFailure.FailureState, $"Waiter encountered a terminal failure state: {matched!.Explanation} (last response: {response.Describe()})", matched, response, attempts);
            if (attempts >= maxAttempts)
            {
                // botocore names the last acceptor that matched in any attempt, so the user sees where it got stuck.
                var reason = lastMatched is null
                    ? "Max attempts exceeded"
                    : $"Max attempts exceeded. Previously accepted state: {lastMatched.Explanation}";
                throw Fail(WaiterFailure.MaxAttemptsExceeded, $"{reason} (after {attempts} attempts; last response: {response.Describe()})", lastMatched, response, attempts);
            }
            if (timeout is { } limit && clock.Elapsed + delay > limit)
                throw Fail(WaiterFailure.Timeout, $"Timeout of {limit} would pass before the next attempt (after {attempts} attempts; last response: {response.Describe()})", lastMatched, response, attempts);
            await clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WaiterResponse> PollOnce(Dictionary<string, object?> request, IWaiterClock clock, TimeSpan? timeout, int attempts, WaiterResponse? previous, CancellationToken cancellationToken)
    {
        if (timeout is null)
            return await _poll(new Dictionary<string, object?>(request, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the poll of waiter {Definition.Name} returned no response");
        var remaining = timeout.Value - clock.Elapsed;
        if (remaining <= TimeSpan.Zero)
            throw Fail(WaiterFailure.Timeout, $"Timeout of {timeout} passed (after {attempts} attempts)", null, previous, attempts);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(remaining);
        try
        {
            return await _poll(new Dictionary<string, object?>(request, StringComparer.Ordinal), limit.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the poll of waiter {Definition.Name} returned no response");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(WaiterFailure.Timeout, $"Timeout of {timeout} passed during attempt {attempts + 1}", null, previous, attempts, e);
        }
    }

    private WaiterAcceptor? FirstMatch(WaiterResponse response)
    {
        foreach (var acceptor in Definition.Acceptors)
            if (Matches(acceptor, response)) return acceptor;
        return null;
    }

    internal static bool Matches(WaiterAcceptor acceptor, WaiterResponse response)
    {
        switch (acceptor.Matcher)
        {
            case WaiterMatcher.Status:
                return acceptor.Expected is long status && response.StatusCode == status;
            case WaiterMatcher.Error:
                return acceptor.Expected switch
                {
                    true => response.ErrorCode is not null,
                    false => response.ErrorCode is null,
                    string code => string.Equals(response.ErrorCode, code, StringComparison.Ordinal),
                    _ => false,
                };
        }
        // Path matchers never match an error response.
        if (response.ErrorCode is not null) return false;
        var result = acceptor.Argument!.Search(response.Output);
        if (acceptor.Matcher == WaiterMatcher.Path) return JmesValue.DeepEquals(result, acceptor.Expected);
        if (result is string || JmesValue.TypeOf(result) != JmesType.Array) return false;
        var items = JmesValue.AsList(result)!;
        if (items.Count == 0) return false;
        return acceptor.Matcher == WaiterMatcher.PathAll
            ? items.All(item => JmesValue.DeepEquals(item, acceptor.Expected))
            : items.Any(item => JmesValue.DeepEquals(item, acceptor.Expected));
    }

    private WaiterException Fail(WaiterFailure failure, string reason, WaiterAcceptor? acceptor, WaiterResponse? response, int attempts, Exception? inner = null) =>
        new(Definition.Name, failure, reason, acceptor, response, attempts, inner);
}

/// <summary>A successful wait: how many attempts it took, the response that succeeded, and the acceptor that said so.</summary>
/// <param name="Attempts">Attempts made, the successful one included.</param>
/// <param name="LastResponse">The response the success acceptor matched.</param>
/// <param name="Acceptor">The success acceptor that matched.</param>
public sealed record WaiterResult(int Attempts, WaiterResponse LastResponse, WaiterAcceptor? Acceptor);
