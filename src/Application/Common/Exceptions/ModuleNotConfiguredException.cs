namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The Chatwoot module is disabled or lacks PublicBaseUrl / EncryptionKey (503).</summary>
public sealed class ModuleNotConfiguredException() : Exception(NotConfiguredMessage)
{
    public const string NotConfiguredMessage = "integration gateway not configured";
}
