namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The Chatwoot module is disabled or lacks PublicBaseUrl / EncryptionKey (503).</summary>
public sealed class ModuleNotConfiguredException() : ApplicationFailure(FailureKind.NotConfigured, NotConfiguredMessage)
{
    public const string NotConfiguredMessage = "integration gateway not configured";
}
