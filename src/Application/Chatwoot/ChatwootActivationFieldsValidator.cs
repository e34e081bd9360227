using FluentValidation;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Application.Chatwoot;

/// <summary>The field rules of a Chatwoot activation; every message names its field as the user wrote it.</summary>
public sealed class ChatwootActivationFieldsValidator : AbstractValidator<ChatwootActivationFields>
{
    public const int MaxInboxNameLength = 255;
    public const int MaxTokenLength = 1024;

    /// <param name="inboxNameField">The inbox name's field: <c>inboxName</c> on activation,
    /// <c>chatwootInboxName</c> inline on instance creation.</param>
    public ChatwootActivationFieldsValidator(string inboxNameField = "inboxName")
    {
        const string baseUrl = "chatwootBaseUrl";
        const string accountId = "chatwootAccountId";
        const string apiToken = "chatwootApiToken";

        RuleFor(f => f.ChatwootBaseUrl).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage($"{baseUrl} is required")
            .Must(url => ChatwootBaseUrl.TryNormalize(url, out _))
            .WithMessage($"{baseUrl} must be an absolute http or https URL (RFC 3986) without query or fragment, e.g. https://chatwoot.example.com");

        RuleFor(f => f.ChatwootAccountId).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage($"{accountId} is required")
            .GreaterThan(0).WithMessage($"{accountId} must be an integer greater than 0");

        RuleFor(f => f.ChatwootApiToken).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage($"{apiToken} is required")
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage($"{apiToken} must not be empty")
            .Must(t => t!.Length <= MaxTokenLength && t.All(c => c > ' ' && c < '\u007f'))
            .WithMessage($"{apiToken} must be at most {MaxTokenLength} visible ASCII characters (as Chatwoot issues them)");

        RuleFor(f => f.InboxName).Cascade(CascadeMode.Stop)
            .Must(n => n is null || !string.IsNullOrWhiteSpace(n)).WithMessage($"{inboxNameField} must not be empty when given")
            .Must(n => n is null || n.Length <= MaxInboxNameLength)
            .WithMessage($"{inboxNameField} must be at most {MaxInboxNameLength} characters");
    }
}
