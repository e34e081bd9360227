using System.Diagnostics;
using RyzeApi.Testing.Chatwoot;
using RyzeApi.Testing.Engine;

namespace RyzeApi.Bench.Routing;

/// <summary>The Chatwoot calls a new contact's first message makes up to the message's creation (contact,
/// conversation, message) and after it (picture, name). One chat at a time, each left to settle, so every call is its own.</summary>
internal sealed record NewContacts(double MeanBefore, int MostBefore, double MeanAfter, int Count)
{
    public static async Task<NewContacts> MeasureAsync(FakeChatwoot chatwoot, FakeEngine engine, int count, Func<string, string, Task> postEvent)
    {
        var before = new List<int>();
        var after = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var id = $"NEW{i}";
            var number = $"55118{i:D8}";
            // Each has a WhatsApp picture, as most customers do: setting it is the call after the message.
            engine.SetProfile(number, $"https://pps.whatsapp.net/v/{number}.jpg", null);
            var start = chatwoot.Requests.Count;
            await postEvent(id, number);
            await SettledAsync(chatwoot, id);
            var calls = chatwoot.Requests.Skip(start).Where(r => r.Path.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
            var message = calls.FindIndex(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Body.Contains(id, StringComparison.Ordinal));
            before.Add(message + 1);
            after.Add(calls.Count - message - 1);
        }

        return new NewContacts(before.Average(), before.Max(), after.Average(), count);
    }

    // Until the message exists and no call has come for half a second: the picture's delivery runs after the message.
    private static async Task SettledAsync(FakeChatwoot chatwoot, string id)
    {
        var clock = Stopwatch.StartNew();
        var (seen, quietSince) = (-1, clock.Elapsed);
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var now = chatwoot.Requests.Count;
            if (now != seen)
            {
                (seen, quietSince) = (now, clock.Elapsed);
            }
            else if (clock.Elapsed - quietSince > TimeSpan.FromMilliseconds(500)
                && chatwoot.Messages.Any(m => m.SourceId == "WAID:" + id))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"the first message of a new contact ({id}) did not reach Chatwoot");
    }
}
