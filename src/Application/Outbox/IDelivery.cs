using System.Text.Json.Serialization.Metadata;

namespace RyzeApi.Application.Outbox;

/// <summary>A kind of work the outbox delivers: a record that names its kind, says which lane it goes in and
/// which key makes it unique, and brings its source-generated JSON contract. Its handler is an
/// <see cref="IDeliveryHandler{T}"/> registered with <see cref="DeliveryRegistration.AddDelivery{T, THandler}"/>.</summary>
public interface IDelivery<TSelf>
    where TSelf : IDelivery<TSelf>
{
    /// <summary>Stored with each row; picks the handler when the row is claimed.</summary>
    static abstract string KindName { get; }

    static abstract JsonTypeInfo<TSelf> JsonType { get; }

    /// <summary>Work of one lane is delivered one item at a time, in the order it was recorded.</summary>
    Lane Lane { get; }

    /// <summary>An item whose key the integration already has is not recorded again (null: never deduplicated).</summary>
    string? DedupeKey { get; }

    /// <summary>Bytes kept beside the row instead of in its payload (media), read only by the handler that posts them.</summary>
    byte[]? StoredApart => null;
}
