namespace RyzeApi.Testing.Chatwoot;

/// <summary>What Messages::MessageBuilder is given: the parameters, the sender it resolved, the uploaded files and
/// the message it was asked to reply to.</summary>
internal sealed record NewMessage(
    string? Content, string MessageType, bool Private, string? SourceId, string? SenderType, long? SenderId, IReadOnlyList<FakeFile> Files,
    ReplyParams? Reply = null);
