namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The engine answered that the instance is not connected to WhatsApp (RyzeAPI says so with 400 or 503):
/// the session is down, so the send waits for it instead of failing.</summary>
public sealed class EngineNotConnectedException(string message) : ApplicationFailure(FailureKind.EngineNotConnected, message);
