namespace AwsCore.Models;

/// <summary>The type of a model shape, as named by the model's "type" field.</summary>
public enum ShapeType
{
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Timestamp,
    Blob,
    BigInteger,
    BigDecimal,
}
