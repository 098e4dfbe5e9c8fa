namespace AwsCore.Http;

/// <summary>
/// The standard mode's retry budget, shared by all calls of one client: 500 units, a retry costs 5 (10 after a timeout),
/// a success gives back what its retries took (or 1 when it needed none), never beyond the initial 500.
/// </summary>
public sealed class RetryQuota
{
    /// <summary>botocore's initial capacity.</summary>
    public const int InitialCapacity = 500;

    private readonly object _gate = new();
    private readonly int _max;
    private int _available;

    /// <summary>Creates a full quota.</summary>
    public RetryQuota(int capacity = InitialCapacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
        _max = capacity;
        _available = capacity;
    }

    /// <summary>The units left.</summary>
    public int Available
    {
        get
        {
            lock (_gate) return _available;
        }
    }

    /// <summary>Takes <paramref name="amount"/> units if that many are left.</summary>
    public bool TryAcquire(int amount)
    {
        lock (_gate)
        {
            if (amount > _available) return false;
            _available -= amount;
            return true;
        }
    }

    /// <summary>Gives back up to <paramref name="amount"/> units.</summary>
    public void Release(int amount)
    {
        lock (_gate) _available += Math.Min(_max - _available, amount);
    }
}
