namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Whether the Chatwoot module may serve: enabled, with a public base URL and an encryption key.</summary>
public interface IChatwootModuleStatus
{
    bool IsConfigured { get; }
}
