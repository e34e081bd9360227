using RyzeApi.Application.Common;

namespace RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

public sealed class ListDeliveriesQueryHandler(
    InstanceResolver instances, IChatwootIntegrationRepository integrations, IDeliveryRepository deliveries)
    : IQueryHandler<ListDeliveriesQuery, DeliveryPage>
{
    public async ValueTask<DeliveryPage> Handle(ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        InstanceResolver.EnsureValidPathName(query.Instance);
        var parameters = DeliveryListParameters.Parse(query.State, query.Limit, query.Cursor);
        var integrationId = await IntegrationOf.InstanceAsync(instances, integrations, query.Caller, query.Instance, cancellationToken);

        // One more than asked says whether another page follows, without a count.
        var found = await deliveries.ListAsync(integrationId, parameters.State, parameters.Before, parameters.Limit + 1, cancellationToken);
        var page = found.Count > parameters.Limit ? found.Take(parameters.Limit).ToList() : found;
        long? next = found.Count > parameters.Limit ? page[^1].Id : null;
        return new DeliveryPage(query.Instance, parameters.State, page, next);
    }
}
