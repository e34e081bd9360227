namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The engine's profile lookup (<c>GET /api/profile/getAccount/{instance}?number=</c>). Throws
/// <see cref="Exceptions.EngineRejectedException"/> for a 4xx and <see cref="Exceptions.EngineUnavailableException"/>
/// for what a retry may fix.</summary>
public interface IEngineProfiles
{
    Task<WhatsAppProfile> GetProfileAsync(string instance, string number, CancellationToken cancellationToken);
}

/// <summary>A WhatsApp account's picture (a URL, null when it has none or WhatsApp did not say) and profile name.</summary>
public sealed record WhatsAppProfile(string? PictureUrl, string? Name);
