using System.Collections;
using System.Text;
using AwsCore.Models;

namespace AwsCore.Tests.Models;

/// <summary>
/// Pins <see cref="ValueMap"/>: order, replacement and removal, the exceptions, the read-only live views, the non-generic
/// <see cref="IDictionary"/> surface and the sequence constructor. ValueMapTests.Differential.cs holds the random
/// differential run (small maps that stay in the linear scan, large ones that cross the 16-entry limit up and down so the
/// hash index is built, extended, dropped and rebuilt) and the concurrent readers.
/// </summary>
public sealed partial class ValueMapTests
{
    /// <summary>ValueMap's linear-scan limit: a map of more entries than this is given a hash index.</summary>
    private const int ScanLimit = 16;

    // ---------------------------------------------------------------------------------------------------------------
    // Order, replacement, removal, key comparison
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void ReplacingAValueKeepsTheEntryInItsPlace(int size)
    {
        var map = Numbered(size);
        map["k1"] = "replaced";
        ((IDictionary)map)["k2"] = "replaced too";

        Assert.Equal(NumberedKeys(size), KeysOf(map));
        Assert.Equal("replaced", map["k1"]);
        Assert.Equal("replaced too", map["k2"]);
        Assert.Equal(size, map.Count);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(40)]
    public void RemovingAnEntryClosesTheGapAndLaterEntriesAreStillFound(int size)
    {
        var map = Numbered(size);
        var expected = NumberedKeys(size).ToList();
        foreach (var victim in new[] { "k0", $"k{size / 2}", $"k{size - 1}" })
        {
            Assert.True(map.Remove(victim));
            expected.Remove(victim);
            Assert.Equal(expected, KeysOf(map));
            Assert.False(map.ContainsKey(victim));
            foreach (var key in expected) Assert.Equal(int.Parse(key.Substring(1)), map[Fresh(key)]);
        }
        Assert.False(map.Remove("k0"));
        map["k0"] = "back";
        Assert.Equal("k0", KeysOf(map).Last());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void KeysAreComparedOrdinallySoCaseAndNormalizationVariantsAreDistinct(int padding)
    {
        var map = Numbered(padding);
        var variants = new[] { "key", "Key", "KEY", "", " ", "\u00e9", "e\u0301", "\u00df", "SS", "ss", "i", "I", "\u0130", "\u0131", "\U0001F600" };
        for (var i = 0; i < variants.Length; i++) map.Add(variants[i], i);

        Assert.Equal(padding + variants.Length, map.Count);
        for (var i = 0; i < variants.Length; i++) Assert.Equal(i, map[Fresh(variants[i])]);
        Assert.False(map.ContainsKey("kEy"));
        Assert.False(map.ContainsKey("\u00c9"));
        Assert.False(map.ContainsKey("\U0001F601"));
        Assert.False(map.ContainsKey("\uD83D")); // half of the surrogate pair
    }

    [Fact]
    public void AMapPastTheScanLimitFindsNoCaseVariantOfItsKeys()
    {
        // Maps of 17 to 32 entries have 64 hash buckets, so across 200 of them thousands of variants share a bucket with their key.
        for (var round = 0; round < 200; round++)
        {
            var size = ScanLimit + 1 + round % 16;
            var map = new ValueMap();
            for (var i = 0; i < size; i++) map.Add($"key{round}_{i}", i);
            for (var i = 0; i < size; i++)
            {
                Assert.Equal(i, map[$"key{round}_{i}"]);
                Assert.False(map.ContainsKey($"KEY{round}_{i}"), $"KEY{round}_{i} was found in a map of key{round}_{i}");
                Assert.False(map.ContainsKey($"Key{round}_{i}"), $"Key{round}_{i} was found in a map of key{round}_{i}");
            }
        }
    }

    [Fact]
    public void TheEmptyKeyIsAnOrdinaryKey()
    {
        var map = new ValueMap { [""] = 1 };
        Assert.True(map.ContainsKey(string.Empty));
        Assert.False(map.TryAdd("", 2));
        Assert.Equal(1, map[""]);
        Assert.True(map.Remove(""));
        Assert.Empty(map);
    }

    [Fact]
    public void ClearEmptiesTheMapAndItCanBeFilledAgainPastTheScanLimit()
    {
        var map = Numbered(100);
        map.Clear();
        Assert.Empty(map);
        Assert.False(map.ContainsKey("k5"));
        for (var i = 99; i >= 0; i--) map.Add("k" + i, i);
        Assert.Equal(Enumerable.Range(0, 100).Reverse().Select(i => "k" + i), KeysOf(map));
        Assert.Equal(42, map["k42"]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Exceptions
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(40)]
    public void GettingAMissingKeyThrowsKeyNotFoundException(int size)
    {
        var map = Numbered(size);
        // Only the type is pinned: the message is free to change.
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Throws<KeyNotFoundException>(() => map["K1"]); // differs from k1 only by case
        Assert.Throws<KeyNotFoundException>(() => ((IDictionary<string, object?>)map)["missing"]);
        Assert.Throws<KeyNotFoundException>(() => ((IReadOnlyDictionary<string, object?>)map)["missing"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void AddingADuplicateKeyThrowsArgumentExceptionAndLeavesTheMapUnchanged(int size)
    {
        var map = Numbered(size);
        Assert.Throws<ArgumentException>(() => map.Add("k0", "again"));
        Assert.Throws<ArgumentException>(() => map.Add(Fresh("k0"), "again"));
        Assert.Throws<ArgumentException>(() => ((ICollection<KeyValuePair<string, object?>>)map).Add(new KeyValuePair<string, object?>("k0", "again")));
        Assert.Throws<ArgumentException>(() => ((IDictionary)map).Add("k0", "again"));

        Assert.Equal(NumberedKeys(size), KeysOf(map));
        Assert.Equal(0, map["k0"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void NullKeysThrowArgumentNullException(int size)
    {
        var map = Numbered(size);
        string key = null!;
        ICollection<KeyValuePair<string, object?>> pairs = map;
        var nullPair = new KeyValuePair<string, object?>(key, 1);

        Assert.Throws<ArgumentNullException>(() => map[key]);
        Assert.Throws<ArgumentNullException>(() => map[key] = 1);
        Assert.Throws<ArgumentNullException>(() => map.Add(key, 1));
        Assert.Throws<ArgumentNullException>(() => map.TryAdd(key, 1));
        Assert.Throws<ArgumentNullException>(() => map.ContainsKey(key));
        Assert.Throws<ArgumentNullException>(() => map.TryGetValue(key, out _));
        Assert.Throws<ArgumentNullException>(() => map.Remove(key));
        Assert.Throws<ArgumentNullException>(() => map.Keys.Contains(key));
        Assert.Throws<ArgumentNullException>(() => pairs.Add(nullPair));
        Assert.Throws<ArgumentNullException>(() => pairs.Contains(nullPair));
        Assert.Throws<ArgumentNullException>(() => pairs.Remove(nullPair));
        Assert.Equal(size, map.Count);
    }

    [Fact]
    public void ANullKeyInTheConstructorsSequenceThrowsArgumentNullException()
    {
        var entries = new[] { Pair("a", 1), new KeyValuePair<string, object?>(null!, 2) };
        Assert.Throws<ArgumentNullException>(() => new ValueMap(entries));
    }

    [Fact]
    public void ANullSequenceThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ValueMap((IEnumerable<KeyValuePair<string, object?>>)null!));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void ANegativeCapacityThrowsArgumentOutOfRangeException(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueMap(capacity));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    public void AMapWithACapacityStartsEmptyAndGrowsPastIt(int capacity)
    {
        var map = new ValueMap(capacity);
        Assert.Empty(map);
        for (var i = 0; i < capacity + 30; i++) map.Add("k" + i, i);
        Assert.Equal(NumberedKeys(capacity + 30), KeysOf(map));
        Assert.Equal(capacity + 29, map["k" + (capacity + 29)]);
    }

    /// <summary>Each change the enumerators must notice, by name so that a failing case says which.</summary>
    private static readonly Dictionary<string, Action<ValueMap>> Changes = new()
    {
        ["add with the indexer"] = map => map["new"] = 1,
        ["Add"] = map => map.Add("new", 1),
        ["TryAdd of a new key"] = map => map.TryAdd("new", 1),
        ["Remove"] = map => map.Remove("k0"),
        ["Remove of a pair"] = map => ((ICollection<KeyValuePair<string, object?>>)map).Remove(Pair("k0", map["k0"])),
        ["Clear"] = map => map.Clear(),
        ["IDictionary set of a new key"] = map => ((IDictionary)map)["new"] = 1,
        ["IDictionary Add"] = map => ((IDictionary)map).Add("new", 1),
        ["IDictionary Remove"] = map => ((IDictionary)map).Remove("k0"),
    };

    public static IEnumerable<object[]> ChangesBySize() =>
        from change in Changes.Keys from size in new[] { 3, 40 } select new object[] { change, size };

    [Theory]
    [MemberData(nameof(ChangesBySize))]
    public void ChangingTheMapDuringEnumerationThrowsInvalidOperationException(string change, int size)
    {
        AssertInvalidatedBy(change, size, map => map.GetEnumerator());
        AssertInvalidatedBy(change, size, map => ((IEnumerable<KeyValuePair<string, object?>>)map).GetEnumerator());
        AssertInvalidatedBy(change, size, map => ((IDictionary)map).GetEnumerator());
        AssertInvalidatedBy(change, size, map => map.Keys.GetEnumerator());
        AssertInvalidatedBy(change, size, map => map.Values.GetEnumerator());
    }

    [Theory]
    [MemberData(nameof(ChangesBySize))]
    public void ResettingAnEnumeratorAfterAChangeThrowsInvalidOperationException(string change, int size)
    {
        var map = Numbered(size);
        IEnumerator enumerator = map.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Changes[change](map);
        Assert.Throws<InvalidOperationException>(() => enumerator.Reset());
    }

    private static void AssertInvalidatedBy(string change, int size, Func<ValueMap, IEnumerator> start)
    {
        var map = Numbered(size);
        var enumerator = start(map);
        Assert.True(enumerator.MoveNext());
        Changes[change](map);
        var thrown = Record.Exception(() => enumerator.MoveNext());
        Assert.True(thrown is InvalidOperationException, $"{change} during enumeration: expected InvalidOperationException, got {thrown?.GetType().Name ?? "none"}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void ReadsAndChangesThatChangeNothingDoNotInvalidateAnEnumerator(int size)
    {
        var map = Numbered(size);
        var seen = new List<string>();
        foreach (var pair in map)
        {
            seen.Add(pair.Key);
            _ = map.ContainsKey("missing");
            _ = map.TryGetValue(pair.Key, out _);
            _ = map[pair.Key];
            Assert.False(map.TryAdd(pair.Key, "ignored"));
            Assert.False(map.Remove("missing"));
            Assert.Throws<ArgumentException>(() => map.Add(pair.Key, "ignored"));
        }
        Assert.Equal(NumberedKeys(size), seen);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void ReplacingValuesDuringEnumerationIsAllowedAsDictionaryAllowsIt(int size)
    {
        var map = Numbered(size);
        foreach (var key in map.Keys) map[key] = key + "!";
        foreach (var pair in map) ((IDictionary)map)[pair.Key] = pair.Value + "?";
        Assert.Equal(NumberedKeys(size).Select(k => (object?)(k + "!?")), map.Values);
        Assert.Equal(NumberedKeys(size), map.Keys);
    }

    [Fact]
    public void AnEnumeratorCanBeResetAndWalkedAgain()
    {
        var map = Numbered(4);
        IEnumerator<KeyValuePair<string, object?>> enumerator = map.GetEnumerator();
        while (enumerator.MoveNext()) { }
        Assert.False(enumerator.MoveNext());
        enumerator.Reset();
        var again = new List<string>();
        while (enumerator.MoveNext()) again.Add(enumerator.Current.Key);
        Assert.Equal(NumberedKeys(4), again);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Keys and Values: read-only live views
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void MutatingTheKeysOrValuesViewThrowsNotSupportedExceptionAndChangesNothing()
    {
        var map = Numbered(3);
        ICollection<string> keys = map.Keys;
        ICollection<object?> values = map.Values;

        Assert.True(keys.IsReadOnly);
        Assert.True(values.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => keys.Add("k9"));
        Assert.Throws<NotSupportedException>(() => keys.Remove("k0"));
        Assert.Throws<NotSupportedException>(() => keys.Clear());
        Assert.Throws<NotSupportedException>(() => values.Add(9));
        Assert.Throws<NotSupportedException>(() => values.Remove(0));
        Assert.Throws<NotSupportedException>(() => values.Clear());
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, object?>)map).Keys.Add("k9"));
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, object?>)map).Values.Clear());

        Assert.Equal(NumberedKeys(3), KeysOf(map));
    }

    [Fact]
    public void KeysAndValuesAreLiveViewsOfTheMap()
    {
        var map = new ValueMap();
        ICollection<string> keys = map.Keys;
        ICollection<object?> values = map.Values;
        IEnumerable<string> readOnlyKeys = ((IReadOnlyDictionary<string, object?>)map).Keys;
        ICollection plainKeys = ((IDictionary)map).Keys;
        ICollection plainValues = ((IDictionary)map).Values;

        for (var i = 0; i < 20; i++) map["k" + i] = i;
        map.Remove("k3");
        map["k0"] = "zero";

        var expectedKeys = NumberedKeys(20).Where(k => k != "k3").ToArray();
        Assert.Equal(expectedKeys, keys);
        Assert.Equal(expectedKeys, readOnlyKeys);
        Assert.Equal(expectedKeys, plainKeys.Cast<string>());
        Assert.Equal(19, keys.Count);
        Assert.Equal(19, plainValues.Count);
        Assert.Equal(new object?[] { "zero", 1, 2, 4 }, values.Take(4));
        Assert.Equal(new object?[] { "zero", 1, 2, 4 }, plainValues.Cast<object?>().Take(4));
        Assert.True(keys.Contains("k19"));
        Assert.False(keys.Contains("k3"));
        Assert.True(values.Contains(Fresh("zero")));
        Assert.True(values.Contains(1)); // another box of 1: values are compared by Equals
        Assert.False(values.Contains(3));
        Assert.False(values.Contains(null));
        map["k19"] = null;
        Assert.True(values.Contains(null));
    }

    [Fact]
    public void NonGenericCopyToOfKeysAndValuesFillsAnObjectArray()
    {
        var map = Numbered(3);
        var keys = new object[4];
        ((ICollection)map.Keys).CopyTo(keys, 1);
        Assert.Equal(new object?[] { null, "k0", "k1", "k2" }, keys);
        var values = new object[4];
        ((ICollection)map.Values).CopyTo(values, 0);
        Assert.Equal(new object?[] { 0, 1, 2, null }, values);
    }

    [Fact]
    public void CopyToRejectsANullArrayABadIndexAndTooSmallAnArray()
    {
        var map = Numbered(3);
        ICollection<KeyValuePair<string, object?>> pairs = map;

        Assert.Throws<ArgumentNullException>(() => pairs.CopyTo(null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pairs.CopyTo(new KeyValuePair<string, object?>[5], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => pairs.CopyTo(new KeyValuePair<string, object?>[5], 6));
        Assert.Throws<ArgumentException>(() => pairs.CopyTo(new KeyValuePair<string, object?>[5], 3));
        Assert.Throws<ArgumentException>(() => map.Keys.CopyTo(new string[2], 0));
        Assert.Throws<ArgumentException>(() => map.Values.CopyTo(new object?[3], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Keys.CopyTo(new string[3], -1));
        Assert.Throws<ArgumentNullException>(() => ((ICollection)map).CopyTo(null!, 0));
        Assert.Throws<ArgumentException>(() => ((ICollection)map).CopyTo(new DictionaryEntry[2], 0));

        new ValueMap().Keys.CopyTo(new string[0], 0); // an empty map copies nothing, even at the end of an empty array
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The non-generic IDictionary surface
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    public void NonGenericIndexerReturnsNullForAMissingOrNonStringKey(int size)
    {
        IDictionary map = Numbered(size);
        map["1"] = "one";

        Assert.Null(map["missing"]);
        Assert.Null(map["K0"]);
        Assert.Null(map[1]); // no conversion to the string "1"
        Assert.False(map.Contains(1));
        Assert.True(map.Contains("1"));
        Assert.Null(map['1']);
        Assert.Null(map[new object()]);
        Assert.Equal("one", map["1"]);
        Assert.Equal(0, map["k0"]);
        Assert.Equal(size + 1, map.Count);
    }

    [Fact]
    public void NonGenericAddAndSetRejectANonStringKeyWithArgumentException()
    {
        IDictionary map = Numbered(2);
        Assert.Throws<ArgumentException>(() => map.Add(1, "one"));
        Assert.Throws<ArgumentException>(() => map[1] = "one");
        Assert.Throws<ArgumentException>(() => map.Add(new object(), "one"));
        Assert.ThrowsAny<ArgumentException>(() => map.Add(null!, "null"));
        Assert.ThrowsAny<ArgumentException>(() => map[null!] = "null");
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void NonGenericAddSetContainsAndRemoveWorkOnStringKeys()
    {
        IDictionary map = new ValueMap();
        map.Add("a", 1);
        map["b"] = 2;
        map["a"] = 10;

        Assert.True(map.Contains("a"));
        Assert.True(map.Contains(Fresh("b")));
        Assert.False(map.Contains("A"));
        Assert.False(map.Contains(1));
        Assert.False(map.Contains(new object()));
        Assert.False(map.IsReadOnly);
        Assert.False(map.IsFixedSize);
        Assert.False(map.IsSynchronized);
        Assert.NotNull(map.SyncRoot);

        map.Remove(1); // a non-string key is not there to remove
        map.Remove("missing");
        Assert.Equal(2, map.Count);
        map.Remove("a");
        Assert.Equal(new object[] { "b" }, map.Keys.Cast<object>());
        Assert.Equal(new object?[] { 2 }, map.Values.Cast<object?>());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void NonGenericEnumeratorGivesEntryKeyAndValueInOrder(int size)
    {
        var map = Numbered(size);
        map["k1"] = null;
        var enumerator = ((IDictionary)map).GetEnumerator();
        var entries = new List<DictionaryEntry>();
        while (enumerator.MoveNext())
        {
            Assert.Equal(enumerator.Key, enumerator.Entry.Key);
            Assert.Equal(enumerator.Value, enumerator.Entry.Value);
            entries.Add(new DictionaryEntry(enumerator.Key, enumerator.Value));
        }

        Assert.Equal(NumberedKeys(size), entries.Select(e => (string)e.Key));
        Assert.Equal(Enumerable.Range(0, size).Select(i => i == 1 ? null : (object?)i), entries.Select(e => e.Value));
        Assert.False(enumerator.MoveNext());
    }

    /// <summary>
    /// <c>foreach (DictionaryEntry e in dictionary)</c> over an IDictionary goes through IDictionary.GetEnumerator and casts
    /// its Current to DictionaryEntry, as Hashtable and Dictionary (and src/Core's InputValues and JmesValue) expect.
    /// </summary>
    [Fact]
    public void NonGenericEnumerationYieldsDictionaryEntriesAsHashtableAndDictionaryDo()
    {
        var map = Numbered(3);
        var reference = new Dictionary<string, object?> { ["k0"] = 0, ["k1"] = 1, ["k2"] = 2 };
        Assert.IsType<DictionaryEntry>(FirstNonGenericCurrent(reference));
        Assert.IsType<DictionaryEntry>(FirstNonGenericCurrent(new Hashtable { ["k0"] = 0 }));

        Assert.IsType<DictionaryEntry>(FirstNonGenericCurrent(map));
        var keys = new List<object>();
        foreach (DictionaryEntry entry in (IDictionary)map) keys.Add(entry.Key);
        Assert.Equal(new object[] { "k0", "k1", "k2" }, keys);
    }

    private static object? FirstNonGenericCurrent(IDictionary dictionary)
    {
        var enumerator = dictionary.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        return enumerator.Current;
    }

    [Fact]
    public void GenericEnumerationThroughNonGenericIEnumerableYieldsKeyValuePairsAsDictionaryDoes()
    {
        var reference = new Dictionary<string, object?> { ["k0"] = 0 };
        var expected = ((IEnumerable)reference).Cast<object>().First();
        Assert.Equal(expected, ((IEnumerable)Numbered(1)).Cast<object>().First());
        Assert.IsType<KeyValuePair<string, object?>>(expected);
    }

    [Fact]
    public void NonGenericCopyToFillsADictionaryEntryArrayInOrderAtTheIndex()
    {
        var map = Numbered(3);
        map["k1"] = null;
        var array = new DictionaryEntry[5];
        ((ICollection)map).CopyTo(array, 1);

        Assert.Equal(default, array[0]);
        Assert.Equal(new DictionaryEntry("k0", 0), array[1]);
        Assert.Equal(new DictionaryEntry("k1", null), array[2]);
        Assert.Equal(new DictionaryEntry("k2", 2), array[3]);
        Assert.Equal(default, array[4]);
    }

    [Fact]
    public void NonGenericCopyToAnObjectArrayGivesWhatDictionaryGives()
    {
        var reference = new Dictionary<string, object?> { ["k0"] = 0, ["k1"] = null, ["k2"] = 2 };
        var expected = new object[4];
        ((ICollection)reference).CopyTo(expected, 1);

        var map = new ValueMap(reference);
        var actual = new object[4];
        ((ICollection)map).CopyTo(actual, 1);

        Assert.Equal(expected, actual);
        Assert.Equal(Pair("k1", null), actual[2]);
    }

    [Fact]
    public void NonGenericCopyToAKeyValuePairArrayFillsIt()
    {
        var map = Numbered(2);
        var array = new KeyValuePair<string, object?>[2];
        ((ICollection)map).CopyTo(array, 0);
        Assert.Equal(new[] { Pair("k0", 0), Pair("k1", 1) }, array);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The sequence constructor
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSequenceConstructorKeepsARepeatedKeysFirstPlaceAndLastValue(bool lazySequence)
    {
        var entries = new List<KeyValuePair<string, object?>>
        {
            Pair("b", 1), Pair("a", 2), Pair("b", 3), Pair("c", 4), Pair("A", 5), Pair("a", 6), Pair("b", null),
        };
        var map = new ValueMap(lazySequence ? Lazily(entries) : entries);

        Assert.Equal(new[] { Pair("b", null), Pair("a", 6), Pair("c", 4), Pair("A", 5) }, map.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSequenceConstructorKeepsFirstPlaceAndLastValuePastTheScanLimit(bool lazySequence)
    {
        var first = NumberedKeys(50).Select(k => Pair(k, "first " + k));
        var again = NumberedKeys(50).Reverse().Select(k => Pair(k, "last " + k));
        var entries = first.Concat(again).Concat(new[] { Pair("extra", 0) }).ToList();
        var map = new ValueMap(lazySequence ? Lazily(entries) : entries);

        Assert.Equal(NumberedKeys(50).Append("extra"), KeysOf(map));
        Assert.Equal("last k0", map["k0"]);
        Assert.Equal("last k49", map["k49"]);
        Assert.Equal(51, map.Count);
    }

    [Fact]
    public void TheSequenceConstructorCopiesADictionaryInItsOrderAndIsIndependentOfIt()
    {
        var source = Numbered(20);
        var copy = new ValueMap(source);
        source["k0"] = "changed";
        source.Remove("k1");

        Assert.Equal(NumberedKeys(20), KeysOf(copy));
        Assert.Equal(0, copy["k0"]);
        Assert.Empty(new ValueMap(Array.Empty<KeyValuePair<string, object?>>()));
    }

    private static IEnumerable<KeyValuePair<string, object?>> Lazily(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        foreach (var entry in entries) yield return entry;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>k0 = 0, k1 = 1, ... in that order.</summary>
    private static ValueMap Numbered(int count)
    {
        var map = new ValueMap();
        for (var i = 0; i < count; i++) map.Add("k" + i, i);
        return map;
    }

    private static IEnumerable<string> NumberedKeys(int count) => Enumerable.Range(0, count).Select(i => "k" + i);

    private static string[] KeysOf(ValueMap map) => map.Select(pair => pair.Key).ToArray();

    private static KeyValuePair<string, object?> Pair(string key, object? value) => new(key, value);

    /// <summary>A string equal to <paramref name="s"/> but (unless empty) another instance, so lookups cannot succeed by reference.</summary>
    private static string Fresh(string s) => new(s.ToCharArray());

    private static void Require(bool condition, string context, string what)
    {
        if (!condition) Fail(context, what);
    }

    private static void Fail(string context, string what) => Assert.Fail($"{context}: {what}");

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + Escape(s) + "\"",
        _ => value.ToString() ?? "",
    };

    private static string Escape(string s)
    {
        var text = new StringBuilder();
        foreach (var c in s) text.Append(c >= ' ' && c < 127 ? c.ToString() : $"\\u{(int)c:x4}");
        return text.ToString();
    }
}
