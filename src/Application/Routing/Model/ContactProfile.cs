using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>A new Chatwoot contact's WhatsApp picture and profile name, fetched from the engine and set on the contact:
/// recorded when the contact's first message is delivered, in a lane of its own, so no message ever waits for it.
/// <see cref="Number"/> is the JID the engine is asked about; <see cref="NameFromEvent"/> says whether the contact's name
/// came from the event (then the profile name does not replace it).</summary>
public sealed record ContactProfile(long ContactId, string Number, bool NameFromEvent) : IDelivery<ContactProfile>
{
    public static string KindName => "contact_profile";

    public static JsonTypeInfo<ContactProfile> JsonType => RoutingJson.Default.ContactProfile;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.ContactProfile, ContactId.ToString(CultureInfo.InvariantCulture));

    [JsonIgnore]
    public string? DedupeKey => "profile:" + ContactId.ToString(CultureInfo.InvariantCulture);
}
