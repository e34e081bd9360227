namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The engine accepted a send (2xx) but its answer holds no usable message id. The message may well have
/// gone out, so it must not be sent again; nor can it be linked to its WhatsApp id.</summary>
public sealed class EngineAnswerUnreadableException(string message) : ApplicationFailure(FailureKind.EngineAnswerUnreadable, message);
