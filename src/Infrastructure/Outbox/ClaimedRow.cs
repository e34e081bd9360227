using System.Data.Common;
using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>Reads a row of <see cref="OutboxSql.Claim"/>, by position.</summary>
internal static class ClaimedRow
{
    public static OutboxItem Read(DbDataReader reader)
    {
        var integrationId = reader.GetString(1);
        var chat = reader.IsDBNull(7)
            ? null
            : new RoutedChat(integrationId, reader.GetString(7), reader.GetInt64(8), reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt64(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13));
        return new OutboxItem(
            reader.GetInt64(0), integrationId, reader.GetString(2), new Lane(LaneKinds.Parse(reader.GetString(3)), reader.GetString(4)),
            reader.GetString(5), reader.GetInt32(6), chat)
        {
            TraceParent = reader.IsDBNull(14) ? null : reader.GetString(14),
        };
    }
}
