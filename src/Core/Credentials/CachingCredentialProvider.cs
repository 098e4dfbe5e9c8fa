namespace AwsCore.Credentials;

/// <summary>
/// Base of the providers whose credentials can expire: the first successful fetch is kept and, when it carries an
/// expiry, refreshed through <see cref="RefreshableCredentials"/>. Concurrent first calls fetch once.
/// </summary>
public abstract class CachingCredentialProvider : ICredentialProvider
{
    private readonly SemaphoreSlim _firstFetch = new(1, 1);
    private readonly Func<DateTimeOffset> _clock;
    private RefreshableCredentials? _refreshable;
    private AwsCredentials? _static;

    /// <summary>Creates the base with the clock used for expiry decisions.</summary>
    protected CachingCredentialProvider(Func<DateTimeOffset>? clock) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The clock expiry decisions use.</summary>
    protected DateTimeOffset Now => _clock();

    /// <summary>Fetches credentials from the source; null when the source is not configured.</summary>
    protected abstract Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (_refreshable is { } cached) return await cached.GetAsync(cancellationToken).ConfigureAwait(false);
        if (_static is { } fixedCredentials) return fixedCredentials;
        await _firstFetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_refreshable is null && _static is null)
            {
                var first = await FetchAsync(cancellationToken).ConfigureAwait(false);
                if (first is null) return null;
                if (first.Expiration is null) _static = first;
                else _refreshable = new RefreshableCredentials(first, RefetchAsync, _clock);
            }
        }
        finally
        {
            _firstFetch.Release();
        }
        return _refreshable is { } r ? await r.GetAsync(cancellationToken).ConfigureAwait(false) : _static;
    }

    private async Task<AwsCredentials> RefetchAsync(CancellationToken cancellationToken) =>
        await FetchAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new CredentialProviderException(Name, "the source no longer has credentials to refresh with");

    public override string ToString() => $"{GetType().Name}({Name})";
}
