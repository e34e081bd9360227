using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure.Security;

/// <summary>Stops start-up on a malformed <c>Chatwoot__EncryptionKey</c> or <c>Chatwoot__PreviousEncryptionKeys__N</c>,
/// with <see cref="EncryptionKeyRing.Parse"/>'s message, which names the entry. No key at all is not an error: the
/// module is then "not configured".</summary>
internal sealed class EncryptionKeyValidator : IValidateOptions<ChatwootInfrastructureOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatwootInfrastructureOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            EncryptionKeyRing.Parse(options.EncryptionKey, options.PreviousEncryptionKeys);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
