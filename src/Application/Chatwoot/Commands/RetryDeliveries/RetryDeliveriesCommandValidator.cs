using FluentValidation;

namespace RyzeApi.Application.Chatwoot.Commands.RetryDeliveries;

public sealed class RetryDeliveriesCommandValidator : AbstractValidator<RetryDeliveriesCommand>
{
    public const int MaxIds = 100;

    public RetryDeliveriesCommandValidator()
    {
        RuleFor(c => c.Ids).Cascade(CascadeMode.Stop)
            .Must(ids => ids is null || ids.Count > 0)
            .WithMessage("ids is empty - list the ids of the failed deliveries to retry, or leave ids out to retry every failed delivery")
            .Must(ids => ids is null || ids.Count <= MaxIds)
            .WithMessage((_, ids) => $"ids has {ids!.Count} entries, at most {MaxIds} - retry in several calls, or leave ids out to retry every failed delivery")
            .Must(ids => ids is null || ids.All(id => id > 0))
            .WithMessage((_, ids) => $"ids[{ids!.ToList().FindIndex(id => id <= 0)}] is {ids!.First(id => id <= 0)} - a delivery id is a positive integer, as the list of deliveries shows it");
    }
}
