namespace AwsCore.Credentials;

/// <summary>
/// Temporary credentials that renew themselves as botocore's RefreshableCredentials do. Inside the advisory window
/// (15 minutes before expiry) one caller refreshes while the others keep using the current set, and a failed
/// refresh is tolerated; inside the mandatory window (10 minutes) every caller waits for the refresh, and a
/// failure is thrown. Only one refresh runs at a time.
/// </summary>
public sealed class RefreshableCredentials
{
    /// <summary>botocore's advisory refresh window.</summary>
    public static readonly TimeSpan DefaultAdvisoryWindow = TimeSpan.FromMinutes(15);

    /// <summary>botocore's mandatory refresh window.</summary>
    public static readonly TimeSpan DefaultMandatoryWindow = TimeSpan.FromMinutes(10);

    private readonly Func<CancellationToken, Task<AwsCredentials>> _refresh;
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeSpan _advisory;
    private readonly TimeSpan _mandatory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AwsCredentials _current;

    /// <summary>Wraps <paramref name="initial"/>; <paramref name="refresh"/> fetches a replacement.</summary>
    public RefreshableCredentials(AwsCredentials initial, Func<CancellationToken, Task<AwsCredentials>> refresh, Func<DateTimeOffset>? clock = null,
        TimeSpan? advisoryWindow = null, TimeSpan? mandatoryWindow = null)
    {
        _current = initial ?? throw new ArgumentNullException(nameof(initial));
        _refresh = refresh ?? throw new ArgumentNullException(nameof(refresh));
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _advisory = advisoryWindow ?? DefaultAdvisoryWindow;
        _mandatory = mandatoryWindow ?? DefaultMandatoryWindow;
    }

    /// <summary>The credentials held now, without refreshing.</summary>
    public AwsCredentials Current => _current;

    /// <summary>Valid credentials, refreshing first when inside a refresh window.</summary>
    public async Task<AwsCredentials> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!RefreshNeeded(_advisory)) return _current;
        if (_gate.Wait(0))
        {
            try
            {
                if (RefreshNeeded(_advisory)) await RefreshAsync(RefreshNeeded(_mandatory), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        else if (RefreshNeeded(_mandatory))
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (RefreshNeeded(_mandatory)) await RefreshAsync(true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        return _current;
    }

    private bool RefreshNeeded(TimeSpan window) =>
        _current.Expiration is { } expiry && expiry - _clock() < window;

    private async Task RefreshAsync(bool mandatory, CancellationToken cancellationToken)
    {
        AwsCredentials fresh;
        try
        {
            fresh = await _refresh(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!mandatory && !cancellationToken.IsCancellationRequested)
        {
            // Advisory window: the current credentials still work for a while; try again on a later call.
            return;
        }
        _current = fresh;
        if (RefreshNeeded(TimeSpan.Zero))
            throw new CredentialProviderException(fresh.Source, "credentials were refreshed, but the refreshed credentials are still expired");
    }

    public override string ToString() => "RefreshableCredentials(" + _current + ")";
}
