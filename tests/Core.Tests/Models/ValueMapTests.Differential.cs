using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using AwsCore.Models;

namespace AwsCore.Tests.Models;

/// <summary>The random differential run against a plain list of pairs, and concurrent readers building the lazy index.</summary>
public sealed partial class ValueMapTests
{
    // ---------------------------------------------------------------------------------------------------------------
    // The differential run
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>15 keys, so a map of them never leaves the scan: case pairs, the empty key, composed and decomposed é, ß/SS, dotted and dotless i, CJK and a surrogate pair.</summary>
    private static readonly string[] SmallPool =
    {
        "", "a", "A", "aB", "Ab", "\u00e9", "e\u0301", "\u00c9", "\u00df", "SS", "ss", "\u0130", "\u0131", "\u65e5\u672c", "\U0001F600",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(20240611)]
    [InlineData(977)]
    public void SmallMapMatchesAReferenceListOverRandomOperations(int seed)
    {
        var map = new ValueMap();
        var lifecycle = RunDifferential(seed, map, SmallPool, operations: 20_000, crossScanLimit: false);

        Assert.True(lifecycle.MaxCount == SmallPool.Length, $"the run never filled the map (max {lifecycle.MaxCount} of {SmallPool.Length})");
        Assert.True(lifecycle.Clears > 10, $"the run cleared a non-empty map only {lifecycle.Clears} times");
        Assert.Equal(0, lifecycle.Built);
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(424242, 5)]
    [InlineData(31337, 1024)]
    public void LargeMapMatchesAReferenceListWhileCrossingTheScanLimitUpAndDown(int seed, int capacity)
    {
        var map = new ValueMap(capacity);
        var lifecycle = RunDifferential(seed, map, LargePool(), operations: 60_000, crossScanLimit: true);

        Assert.True(lifecycle.MaxCount >= 300, $"the run never grew the map past {lifecycle.MaxCount} entries");
        Assert.True(lifecycle.CrossedUp >= 40, $"the run crossed the scan limit upwards only {lifecycle.CrossedUp} times");
        Assert.True(lifecycle.CrossedDown >= 40, $"the run crossed the scan limit downwards only {lifecycle.CrossedDown} times");
        Assert.True(lifecycle.Built >= 1000, $"the hash index was built only {lifecycle.Built} times");
        Assert.True(lifecycle.Rebuilt >= 1000, $"the hash index was rebuilt after a drop only {lifecycle.Rebuilt} times");
        Assert.True(lifecycle.Extended >= 5000, $"the hash index was extended in place only {lifecycle.Extended} times");
        Assert.True(lifecycle.DroppedByRemoval >= 1000, $"a removal dropped the hash index only {lifecycle.DroppedByRemoval} times");
        if (capacity < 64) Assert.True(lifecycle.DroppedByGrowth >= 1, "growing the entries never dropped the hash index");
    }

    /// <summary>The small pool and nearly 700 more: case variants, Cyrillic and Japanese keys and prefixes of one another, enough to share hash buckets.</summary>
    private static string[] LargePool()
    {
        var keys = new List<string>(SmallPool) { " ", "a ", "\0", "a\0", "i", "I", "\u00e9\u00e9", "E\u0301" };
        for (var i = 0; i < 170; i++)
        {
            keys.Add("k" + i);
            keys.Add("K" + i);
            keys.Add("\u043a\u043b\u044e\u0447" + i);
            keys.Add("\u30ad\u30fc" + i);
        }
        return keys.ToArray();
    }

    private enum Op
    {
        Set, Add, TryAdd, NonGenericSet, NonGenericAdd,
        Remove, RemovePair, NonGenericRemove,
        Get, TryGetValue, ContainsKey, ContainsPair, NonGenericGet, NonGenericContains, ReadOnlyGet,
        Clear,
    }

    private static readonly (Op Op, int Growing, int Shrinking)[] Weights =
    {
        (Op.Set, 20, 4), (Op.Add, 14, 3), (Op.TryAdd, 14, 3), (Op.NonGenericSet, 4, 1), (Op.NonGenericAdd, 4, 1),
        (Op.Remove, 8, 40), (Op.RemovePair, 3, 8), (Op.NonGenericRemove, 2, 6),
        (Op.Get, 6, 6), (Op.TryGetValue, 6, 6), (Op.ContainsKey, 6, 6), (Op.ContainsPair, 3, 3),
        (Op.NonGenericGet, 3, 3), (Op.NonGenericContains, 3, 3), (Op.ReadOnlyGet, 3, 3),
    };

    /// <summary>
    /// Applies <paramref name="operations"/> random operations to <paramref name="map"/> and to a list of pairs, checking
    /// every result and then the whole map against the list (after every operation of a small run, after one in four of a
    /// large one, and at the end). A run that crosses the scan limit alternates a
    /// growing phase (up to a random size past it) and a shrinking one (down to a random size within it).
    /// </summary>
    private static IndexLifecycle RunDifferential(int seed, ValueMap map, string[] pool, int operations, bool crossScanLimit)
    {
        var rng = new Random(seed);
        var model = new ReferenceMap();
        var lifecycle = new IndexLifecycle();
        var growing = true;
        var target = crossScanLimit ? rng.Next(ScanLimit + 1, 450) : pool.Length;
        var nextValue = 0;
        for (var step = 0; step < operations; step++)
        {
            if (crossScanLimit)
            {
                if (growing && model.Count >= target) (growing, target) = (false, rng.Next(0, ScanLimit));
                else if (!growing && model.Count <= target) (growing, target) = (true, rng.Next(ScanLimit + 1, 450));
            }
            var op = rng.Next(crossScanLimit ? 3000 : 300) == 0 ? Op.Clear : PickOperation(rng, growing);
            var key = PickKey(rng, model, pool, op);
            var probe = rng.Next(2) == 0 ? key : Fresh(key); // an equal key that is not the same instance as the stored one
            var value = NextValue(rng, ref nextValue);
            var context = $"seed {seed}, operation {step}: {op} {Show(key)} with {model.Count} entries";

            var indexBefore = HashIndexOf(map);
            var countBefore = map.Count;
            Apply(op, map, model, key, probe, value, rng, context);
            var indexAfterOperation = HashIndexOf(map);
            // The full check looks every key up (building a dropped index), so a large run does it only now and then,
            // letting removals and additions follow one another on a map whose index is dropped or extended.
            if (!crossScanLimit || rng.Next(4) == 0) AssertMatches(model, map, context);
            lifecycle.Observe(indexBefore, indexAfterOperation, HashIndexOf(map), countBefore, map.Count);
        }
        AssertMatches(model, map, $"seed {seed}, at the end");
        return lifecycle;
    }

    private static Op PickOperation(Random rng, bool growing)
    {
        var total = 0;
        foreach (var weight in Weights) total += growing ? weight.Growing : weight.Shrinking;
        var pick = rng.Next(total);
        foreach (var weight in Weights)
        {
            pick -= growing ? weight.Growing : weight.Shrinking;
            if (pick < 0) return weight.Op;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A key of the map (mostly, for removals) or any key of the pool (in the map or not).</summary>
    private static string PickKey(Random rng, ReferenceMap model, string[] pool, Op op)
    {
        var present = op is Op.Remove or Op.RemovePair or Op.NonGenericRemove ? 80 : op >= Op.Get ? 50 : 10;
        if (model.Count > 0 && rng.Next(100) < present) return model.Entries[rng.Next(model.Count)].Key;
        return pool[rng.Next(pool.Length)];
    }

    /// <summary>Mostly a new boxed number (so a replacement is visible), sometimes null or a string.</summary>
    private static object? NextValue(Random rng, ref int counter)
    {
        counter++;
        return rng.Next(8) switch
        {
            0 => null,
            1 => "v" + counter,
            _ => counter,
        };
    }

    private static void Apply(Op op, ValueMap map, ReferenceMap model, string key, string probe, object? value, Random rng, string context)
    {
        var at = model.IndexOf(key);
        var present = at >= 0;
        var current = present ? model.Entries[at].Value : null;
        IDictionary plain = map;
        ICollection<KeyValuePair<string, object?>> pairs = map;
        IReadOnlyDictionary<string, object?> readOnly = map;
        switch (op)
        {
            case Op.Set:
                map[probe] = value;
                model.Set(key, value);
                break;
            case Op.NonGenericSet:
                plain[probe] = value;
                model.Set(key, value);
                break;
            case Op.Add:
            case Op.NonGenericAdd:
                Action add = op == Op.Add ? () => map.Add(probe, value) : () => plain.Add(probe, value);
                if (present) Assert.Throws<ArgumentException>(add);
                else
                {
                    add();
                    model.Append(key, value);
                }
                break;
            case Op.TryAdd:
                Require(map.TryAdd(probe, value) == !present, context, $"TryAdd returned {present} where the key was {(present ? "" : "not ")}there");
                if (!present) model.Append(key, value);
                break;
            case Op.Remove:
                Require(map.Remove(probe) == present, context, $"Remove returned {!present}");
                if (present) model.RemoveAt(at);
                break;
            case Op.NonGenericRemove:
                plain.Remove(probe);
                if (present) model.RemoveAt(at);
                break;
            case Op.RemovePair:
            {
                var candidate = rng.Next(2) == 0 ? current : value;
                var matches = present && Equals(current, candidate);
                Require(pairs.Remove(new KeyValuePair<string, object?>(probe, candidate)) == matches, context, $"Remove(pair with {Show(candidate)}) returned {!matches}");
                if (matches) model.RemoveAt(at);
                break;
            }
            case Op.ContainsPair:
            {
                var candidate = rng.Next(2) == 0 ? current : value;
                var matches = present && Equals(current, candidate);
                Require(pairs.Contains(new KeyValuePair<string, object?>(probe, candidate)) == matches, context, $"Contains(pair with {Show(candidate)}) returned {!matches}");
                break;
            }
            case Op.Get:
                if (present) Require(Equals(map[probe], current), context, $"the indexer gave {Show(map[probe])}, expected {Show(current)}");
                else Assert.Throws<KeyNotFoundException>(() => map[probe]);
                break;
            case Op.ReadOnlyGet:
                if (present) Require(Equals(readOnly[probe], current), context, $"the read-only indexer gave {Show(readOnly[probe])}");
                else Assert.Throws<KeyNotFoundException>(() => readOnly[probe]);
                Require(readOnly.ContainsKey(probe) == present, context, "IReadOnlyDictionary.ContainsKey disagrees");
                break;
            case Op.TryGetValue:
            {
                var found = map.TryGetValue(probe, out var got);
                Require(found == present, context, $"TryGetValue returned {found}");
                Require(Equals(got, current), context, $"TryGetValue gave {Show(got)}, expected {Show(current)}");
                break;
            }
            case Op.ContainsKey:
                Require(map.ContainsKey(probe) == present, context, $"ContainsKey returned {!present}");
                Require(map.Keys.Contains(probe) == present, context, $"Keys.Contains returned {!present}");
                break;
            case Op.NonGenericGet:
                Require(Equals(plain[probe], current), context, $"IDictionary's indexer gave {Show(plain[probe])}, expected {Show(current)}");
                break;
            case Op.NonGenericContains:
                Require(plain.Contains(probe) == present, context, $"IDictionary.Contains returned {!present}");
                break;
            case Op.Clear:
                map.Clear();
                model.Clear();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    /// <summary>The whole map against the list: Count, enumeration order, Keys, Values, the CopyTos, and a lookup of every key.</summary>
    private static void AssertMatches(ReferenceMap model, ValueMap map, string context)
    {
        var expected = model.Entries;
        Require(map.Count == expected.Count, context, $"Count is {map.Count}, expected {expected.Count}");
        Require(map.Keys.Count == expected.Count && map.Values.Count == expected.Count, context, "Keys.Count or Values.Count differs from Count");

        var enumerated = new List<KeyValuePair<string, object?>>(map.Count);
        foreach (var pair in map) enumerated.Add(pair);
        AssertSameEntries(expected, enumerated, context, "enumeration");

        AssertSameSequence(expected.Select(e => (object?)e.Key), map.Keys.Select(k => (object?)k), context, "Keys");
        AssertSameSequence(expected.Select(e => e.Value), map.Values, context, "Values");

        var copied = new KeyValuePair<string, object?>[expected.Count + 2];
        copied[0] = copied[copied.Length - 1] = Sentinel;
        ((ICollection<KeyValuePair<string, object?>>)map).CopyTo(copied, 1);
        Require(copied[0].Equals(Sentinel) && copied[copied.Length - 1].Equals(Sentinel), context, "CopyTo wrote outside its range");
        AssertSameEntries(expected, copied.Skip(1).Take(expected.Count).ToList(), context, "CopyTo");

        var keys = new string[expected.Count + 1];
        map.Keys.CopyTo(keys, 1);
        AssertSameSequence(expected.Select(e => (object?)e.Key), keys.Skip(1), context, "Keys.CopyTo");
        var values = new object?[expected.Count + 1];
        map.Values.CopyTo(values, 1);
        AssertSameSequence(expected.Select(e => e.Value), values.Skip(1), context, "Values.CopyTo");

        foreach (var entry in expected)
        {
            if (!map.TryGetValue(Fresh(entry.Key), out var got) || !Equals(got, entry.Value))
                Fail(context, $"TryGetValue({Show(entry.Key)}) gives {Show(got)}, expected {Show(entry.Value)}");
        }
    }

    private static readonly KeyValuePair<string, object?> Sentinel = new("sentinel-not-a-pool-key", "sentinel");

    private static void AssertSameEntries(List<KeyValuePair<string, object?>> expected, List<KeyValuePair<string, object?>> actual, string context, string what)
    {
        Require(actual.Count == expected.Count, context, $"{what} gave {actual.Count} entries, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            if (!string.Equals(actual[i].Key, expected[i].Key, StringComparison.Ordinal) || !Equals(actual[i].Value, expected[i].Value))
                Fail(context, $"{what} entry {i} is {Show(actual[i].Key)}={Show(actual[i].Value)}, expected {Show(expected[i].Key)}={Show(expected[i].Value)}");
        }
    }

    private static void AssertSameSequence(IEnumerable<object?> expected, IEnumerable<object?> actual, string context, string what)
    {
        var want = expected.ToList();
        var got = actual.ToList();
        Require(got.Count == want.Count, context, $"{what} has {got.Count} items, expected {want.Count}");
        for (var i = 0; i < want.Count; i++)
            if (!Equals(got[i], want[i])) Fail(context, $"{what} item {i} is {Show(got[i])}, expected {Show(want[i])}");
    }

    /// <summary>What the map should hold: pairs in insertion order, keys compared ordinally by a plain search.</summary>
    private sealed class ReferenceMap
    {
        public List<KeyValuePair<string, object?>> Entries { get; } = new();

        public int Count => Entries.Count;

        public int IndexOf(string key) => Entries.FindIndex(e => string.Equals(e.Key, key, StringComparison.Ordinal));

        public void Append(string key, object? value) => Entries.Add(new KeyValuePair<string, object?>(key, value));

        public void Set(string key, object? value)
        {
            var at = IndexOf(key);
            if (at >= 0) Entries[at] = new KeyValuePair<string, object?>(key, value);
            else Append(key, value);
        }

        public void RemoveAt(int at) => Entries.RemoveAt(at);

        public void Clear() => Entries.Clear();
    }

    /// <summary>What happened to the map's private hash index over a run, seen operation by operation.</summary>
    private sealed class IndexLifecycle
    {
        private bool _everDropped;

        public int Built { get; private set; }
        public int Rebuilt { get; private set; }
        public int Extended { get; private set; }
        public int DroppedByGrowth { get; private set; }
        public int DroppedByRemoval { get; private set; }
        public int CrossedUp { get; private set; }
        public int CrossedDown { get; private set; }
        public int Clears { get; private set; }
        public int MaxCount { get; private set; }

        /// <summary>One operation: the index before it, right after it, and after the check that may follow it.</summary>
        public void Observe(object? before, object? afterOperation, object? afterCheck, int countBefore, int countAfter)
        {
            MaxCount = Math.Max(MaxCount, countAfter);
            if (countBefore <= ScanLimit && countAfter > ScanLimit) CrossedUp++;
            if (countBefore > ScanLimit && countAfter <= ScanLimit) CrossedDown++;
            if (countBefore > 1 && countAfter == 0) Clears++;

            if (before is not null && !ReferenceEquals(before, afterOperation))
            {
                _everDropped = true;
                if (countAfter > countBefore) DroppedByGrowth++;
                else if (countAfter == countBefore - 1) DroppedByRemoval++;
            }
            if (before is not null && ReferenceEquals(before, afterOperation) && countAfter > countBefore) Extended++;
            if (afterOperation is not null && !ReferenceEquals(before, afterOperation)) NoteBuilt();
            if (afterCheck is not null && !ReferenceEquals(afterOperation, afterCheck)) NoteBuilt();
        }

        private void NoteBuilt()
        {
            Built++;
            if (_everDropped) Rebuilt++;
        }
    }

    /// <summary>The map's private hash index (null while it has none); only to prove the runs reach every state of it.</summary>
    private static object? HashIndexOf(ValueMap map)
    {
        var field = typeof(ValueMap).GetField("_index", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.True(field != null, "ValueMap no longer has a private _index field; update HashIndexOf in this test");
        return field!.GetValue(map);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Concurrent readers
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void ConcurrentReadersOfALargeMapWithoutAnIndexYetAllFindEveryKey()
    {
        const int readers = 8;
        var pool = LargePool();
        var misses = new ConcurrentQueue<string>();
        for (var round = 0; round < 200; round++)
        {
            var keys = RoundKeys(pool, round);
            var map = WithoutIndex(keys);
            Assert.True(HashIndexOf(map) is null, "the map given to the readers already has its hash index");

            Parallel.For(0, readers, new ParallelOptions { MaxDegreeOfParallelism = readers }, reader => LookUpEveryKey(map, keys, reader, round, misses));

            Assert.True(HashIndexOf(map) is not null, "the readers did not build the hash index");
        }
        Assert.True(misses.IsEmpty, $"{misses.Count} failed lookups, e.g. {string.Join("; ", misses.Take(5))}");
    }

    /// <summary>
    /// The same on threads of their own, released together for each new map and then staggered by a few spins, so their
    /// first lookups race to build the index (under a busy test runner Parallel.For may run all its readers on one
    /// thread, one after another, and then races nothing).
    /// </summary>
    [Fact]
    public void ReadersOnThreadsOfTheirOwnRacingToBuildTheIndexAllFindEveryKey()
    {
        const int readers = 3;
        const int rounds = 400;
        var pool = LargePool();
        var misses = new ConcurrentQueue<string>();
        var maps = new ValueMap[rounds];
        var keysOf = new string[rounds][];
        for (var round = 0; round < rounds; round++)
        {
            keysOf[round] = RoundKeys(pool, round);
            maps[round] = WithoutIndex(keysOf[round]);
        }
        Assert.True(maps.All(map => HashIndexOf(map) is null), "a map given to the readers already has its hash index");

        using var start = new Barrier(readers);
        var threads = Enumerable.Range(0, readers).Select(reader => new Thread(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                if (!start.SignalAndWait(TimeSpan.FromSeconds(30)))
                {
                    misses.Enqueue($"reader {reader} waited in vain for the others in round {round}");
                    return;
                }
                Thread.SpinWait(reader * (round % 25) * 40); // a different head start each round
                LookUpEveryKey(maps[round], keysOf[round], reader, round, misses);
            }
        }) { IsBackground = true, Name = $"ValueMap reader {reader}" }).ToList();
        threads.ForEach(thread => thread.Start());
        foreach (var thread in threads) Assert.True(thread.Join(TimeSpan.FromMinutes(2)), $"{thread.Name} did not finish");

        Assert.True(misses.IsEmpty, $"{misses.Count} failed lookups, e.g. {string.Join("; ", misses.Take(5))}");
        Assert.True(maps.All(map => HashIndexOf(map) is not null), "the readers did not build the hash index of every map");
    }

    /// <summary>Mostly a few hundred keys, every fifth round just past the scan limit.</summary>
    private static string[] RoundKeys(string[] pool, int round) =>
        pool.Skip(round % 7).Take(round % 5 == 0 ? ScanLimit + 1 + round % 40 : 300 + round * 7 % 400).ToArray();

    /// <summary>Looks every key up, from the end (the last to be indexed) and each reader from elsewhere, plus one absent key each; never throws.</summary>
    private static void LookUpEveryKey(ValueMap map, string[] keys, int reader, int round, ConcurrentQueue<string> misses)
    {
        try
        {
            for (var n = 0; n < keys.Length; n++)
            {
                var i = (keys.Length - 1 - n + reader * 31) % keys.Length;
                var probe = Fresh(keys[i]);
                var found = ((reader + round) % 3) switch
                {
                    0 => map.TryGetValue(probe, out var value) && Equals(value, i),
                    1 => map.ContainsKey(probe) && Equals(map[probe], i),
                    _ => Equals(((IDictionary)map)[probe], i),
                };
                if (!found) misses.Enqueue($"round {round}, reader {reader}: {Show(keys[i])} not found");
                if (map.ContainsKey(probe + "\u0001")) misses.Enqueue($"round {round}, reader {reader}: absent {Show(probe + "\u0001")} found");
            }
        }
        catch (Exception e)
        {
            misses.Enqueue($"round {round}, reader {reader}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A map of <paramref name="keys"/> (values their positions) whose hash index is not built: the last change was a removal.</summary>
    private static ValueMap WithoutIndex(string[] keys)
    {
        var map = new ValueMap();
        for (var i = 0; i < keys.Length; i++) map.Add(keys[i], i);
        map.Add("\u0001extra", null);
        map.Remove("\u0001extra");
        return map;
    }
}
