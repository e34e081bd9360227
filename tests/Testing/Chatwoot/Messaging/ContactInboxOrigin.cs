namespace RyzeApi.Testing.Chatwoot;

/// <summary>Which call made a contact inbox, so a test can tell the ones it expected from the ones Chatwoot
/// adds on its own.</summary>
public enum ContactInboxOrigin
{
    /// <summary>Seeded by the test (<see cref="FakeChatwoot.AddContact"/>).</summary>
    Seeded,

    /// <summary><c>POST /contacts</c> with an <c>inbox_id</c>.</summary>
    ContactCreate,

    /// <summary><c>POST /contacts/{id}/contact_inboxes</c>.</summary>
    ContactInboxesEndpoint,

    /// <summary><c>POST /conversations</c> with a <c>source_id</c> this contact did not have in the inbox yet.</summary>
    ConversationCreate,

    /// <summary><c>POST /conversations</c> with an inbox and a contact but no <c>source_id</c>: Chatwoot's
    /// ContactInboxBuilder then makes a new contact inbox with a random UUID, a second one for the same contact.</summary>
    ConversationWithoutSourceId,
}
