namespace RyzeApi.Testing.Chatwoot;

/// <summary>A file an agent attaches to a reply (<see cref="FakeChatwoot.SendAgentReplyAsync"/>).</summary>
public sealed record FakeFile(string FileName, string ContentType, byte[] Content);
