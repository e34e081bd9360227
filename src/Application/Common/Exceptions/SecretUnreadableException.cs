namespace RyzeApi.Application.Common.Exceptions;

/// <summary>A stored secret cannot be decrypted: its key is no longer configured, or the ciphertext was
/// altered. A server-side fault (500) whose message tells the operator what to do and shows no secret.</summary>
public sealed class SecretUnreadableException(string message, Exception? inner = null) : ApplicationFailure(FailureKind.SecretUnreadable, message, inner);
