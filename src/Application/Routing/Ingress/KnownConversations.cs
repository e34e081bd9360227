using System.Collections.Concurrent;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>What this process learnt from the webhook calls it answered: each conversation an agent replied in, with
/// its chat and its integration's credentials. With it the next reply in that conversation is verified and recorded in
/// one round trip instead of two. Only a hint: such a reply is recorded on the condition, checked by PostgreSQL in
/// the same statement, that all of it still holds (<see cref="IOutbox.EnqueueKnownReplyAsync"/>); a reply that fails
/// the condition goes the long way, which gives the answer.</summary>
public sealed class KnownConversations
{
    /// <summary>Conversations kept (a few hundred bytes each); when full, it starts again empty.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string IntegrationId, long ConversationId), KnownConversation> _known = new();
    private int _added;

    public KnownConversation? Find(string integrationId, long conversationId) =>
        _known.GetValueOrDefault((integrationId, conversationId));

    public void Remember(WebhookCredentials credentials, long conversationId, string chatJid)
    {
        var key = (credentials.IntegrationId, conversationId);
        var known = new KnownConversation(credentials, conversationId, chatJid);
        if (_known.ContainsKey(key))
        {
            _known[key] = known;
            return;
        }

        // Counted instead of ConcurrentDictionary.Count, which locks every bucket.
        if (Interlocked.Increment(ref _added) > Capacity)
        {
            _known.Clear();
            Interlocked.Exchange(ref _added, 1);
        }

        _known[key] = known;
    }
}

/// <summary>A conversation's chat, with the credentials its integration had when the chat was looked up.</summary>
public sealed record KnownConversation(WebhookCredentials Credentials, long ConversationId, string ChatJid);
