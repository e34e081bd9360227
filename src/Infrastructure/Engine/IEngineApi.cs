using Refit;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>The engine's send endpoints (RyzeAPI's public <c>api/message/*</c>) and the chat actions RyzeApi uses (<c>api/chat/delete|presence|markChatRead</c>). The token is set by
/// <see cref="EngineTokenHandler"/>; answers are typed but lenient (<see cref="EngineAnswer"/>) and judged by
/// <see cref="EngineClient"/>.</summary>
internal interface IEngineApi
{
    [Post("/api/message/text/{instance}")]
    Task<IApiResponse<EngineAnswer>> SendText(string instance, [Body] SendTextBody body, CancellationToken cancellationToken);

    [Post("/api/message/media/{instance}")]
    Task<IApiResponse<EngineAnswer>> SendMedia(string instance, [Body] SendMediaBody body, CancellationToken cancellationToken);

    [Delete("/api/chat/delete/{instance}")]
    Task<IApiResponse<EngineAnswer>> DeleteMessage(string instance, [Body] DeleteMessageBody body, CancellationToken cancellationToken);

    [Post("/api/chat/presence/{instance}")]
    Task<IApiResponse<EngineAnswer>> SendPresence(string instance, [Body] PresenceBody body, CancellationToken cancellationToken);

    [Post("/api/chat/markChatRead/{instance}")]
    Task<IApiResponse<EngineAnswer>> MarkChatRead(string instance, [Body] MarkChatReadBody body, CancellationToken cancellationToken);
    [Get("/api/profile/getAccount/{instance}")]
    Task<IApiResponse<EngineProfileAnswer>> GetAccount(string instance, [AliasAs("number")] string number, CancellationToken cancellationToken);
}
