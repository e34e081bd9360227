using Refit;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>The engine's send endpoints (RyzeAPI's public <c>api/message/*</c>). The token is set by
/// <see cref="EngineTokenHandler"/>; answers are typed but lenient (<see cref="EngineAnswer"/>) and judged by
/// <see cref="EngineClient"/>.</summary>
internal interface IEngineApi
{
    [Post("/api/message/text/{instance}")]
    Task<IApiResponse<EngineAnswer>> SendText(string instance, [Body] SendTextBody body, CancellationToken cancellationToken);

    [Post("/api/message/media/{instance}")]
    Task<IApiResponse<EngineAnswer>> SendMedia(string instance, [Body] SendMediaBody body, CancellationToken cancellationToken);

    [Get("/api/profile/getAccount/{instance}")]
    Task<IApiResponse<EngineProfileAnswer>> GetAccount(string instance, [AliasAs("number")] string number, CancellationToken cancellationToken);
}
