using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>RyzeAPI's answer to <c>getAccount</c>: <c>{"success": true, "data": {"profile": {...}}}</c>; the profile
/// is also read at the top level, or as <c>data</c> itself, as engines differ.</summary>
internal sealed record EngineProfileAnswer(
    [property: JsonPropertyName("data")] JsonField<EngineProfileAnswer> Data,
    [property: JsonPropertyName("profile")] JsonField<EngineProfileAnswer> Profile,
    [property: JsonPropertyName("profilePicture")] JsonField<string> ProfilePicture,
    [property: JsonPropertyName("profileName")] JsonField<string> ProfileName)
{
    public EngineProfileAnswer? Found() =>
        Profile.OrNull ?? Data.OrNull?.Profile.OrNull ?? (Data.OrNull is { } data && data.HasFields() ? data : HasFields() ? this : null);

    private bool HasFields() => ProfilePicture.Kind == JsonFieldKind.Value || ProfileName.Kind == JsonFieldKind.Value;
}

