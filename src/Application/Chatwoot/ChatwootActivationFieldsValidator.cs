using FluentValidation;
using RyzeApi.Application.Common.Validation;

namespace RyzeApi.Application.Chatwoot;

/// <summary>The field rules of a Chatwoot activation; every message names its field as the user wrote it and
/// says what is wrong with the value (a space, a control character, its length), not only what the rule is.</summary>
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
            .Must(url => ChatwootBaseUrl.Fault(url!) is null)
            .WithMessage((_, url) => $"{baseUrl} {ChatwootBaseUrl.Fault(url!)} - it must be an absolute http or https URL (RFC 3986) "
                + "without query or fragment, e.g. https://chatwoot.example.com");

        RuleFor(f => f.ChatwootAccountId).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage($"{accountId} is required")
            .GreaterThan(0).WithMessage((_, id) => $"{accountId} must be an integer greater than 0 (it is {id})");

        RuleFor(f => f.ChatwootApiToken).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage($"{apiToken} is required")
            .Must(t => t!.Length > 0)
            .WithMessage($"{apiToken} is empty - copy the access token from your Chatwoot profile settings")
            .Must(t => t!.Any(c => c != ' '))
            .WithMessage($"{apiToken} is only spaces - copy the access token from your Chatwoot profile settings")
            // Before any "blank" check, so a tab or a newline is named as what it is, with its position.
            .Must(t => TextFaults.NotVisibleAscii(t!) is null)
            .WithMessage((_, t) => $"{apiToken} {TextFaults.NotVisibleAscii(t!)} - a Chatwoot access token is visible ASCII characters "
                + "only, as Chatwoot issues it (no spaces, no placeholders such as <admin token>)")
            .Must(t => t!.Length <= MaxTokenLength)
            .WithMessage((_, t) => $"{apiToken} {TextFaults.TooLong(MaxTokenLength, t!.Length)}");

        RuleFor(f => f.InboxName).Cascade(CascadeMode.Stop)
            .Must(n => n is null || n.Length > 0)
            .WithMessage($"{inboxNameField} is empty - give a name or leave the field out")
            // Before the blank check, so a tab or a newline is named as what it is, with its position.
            .Must(n => n is null || TextFaults.NotText(n) is null)
            .WithMessage((_, n) => $"{inboxNameField} {TextFaults.NotText(n!)} - an inbox name is text without control characters")
            .Must(n => n is null || !string.IsNullOrWhiteSpace(n))
            .WithMessage($"{inboxNameField} is only spaces - give a name or leave the field out")
            .Must(n => n is null || n.Length <= MaxInboxNameLength)
            .WithMessage((_, n) => $"{inboxNameField} {TextFaults.TooLong(MaxInboxNameLength, n!.Length)}");
    }
}
