using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

/// <summary>List an instance's deliveries in one state, a page at a time. The query string's values arrive as sent,
/// so that a wrong one is answered naming its parameter (<see cref="DeliveryListParameters"/>).</summary>
public sealed record ListDeliveriesQuery(Caller Caller, string Instance, string? State, string? Limit, string? Cursor) : IQuery<DeliveryPage>;
