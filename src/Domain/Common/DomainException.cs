namespace RyzeApi.Domain.Common;

/// <summary>A rule of the domain was broken by the caller's input; the message is safe to show.</summary>
public sealed class DomainException(string message) : Exception(message);
