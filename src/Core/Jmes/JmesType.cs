namespace AwsCore.Jmes;

/// <summary>The JMESPath type of a value of the tree (Expref is the value of an <c>&amp;expr</c>).</summary>
internal enum JmesType
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
    Expref,
    /// <summary>A CLR value JMESPath has no type for (timestamps, blobs, streams): passes through, equal only to itself.</summary>
    Unknown,
}
