using System.Globalization;
using System.Text.RegularExpressions;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Contacts and contact inboxes, with Chatwoot's validations (app/models/contact.rb) and
/// ContactInboxBuilder's find-or-create by (contact, inbox, source_id).</summary>
internal sealed partial class MessagingStore
{
    public FakeContact? FindContact(long accountId, long contactId)
    {
        lock (_lock)
        {
            return _contacts.TryGetValue(contactId, out var contact) && contact.AccountId == accountId ? contact : null;
        }
    }

    public IReadOnlyList<FakeContact> Contacts()
    {
        lock (_lock)
        {
            return [.. _contacts.Values];
        }
    }

    public IReadOnlyList<FakeContactInbox> ContactInboxes()
    {
        lock (_lock)
        {
            return [.. _contactInboxes.Values];
        }
    }

    public IReadOnlyList<FakeContactInbox> ContactInboxesOf(long contactId)
    {
        lock (_lock)
        {
            return [.. _contactInboxes.Values.Where(ci => ci.ContactId == contactId)];
        }
    }

    public FakeContactInbox? FindContactInbox(long contactInboxId)
    {
        lock (_lock)
        {
            return _contactInboxes.GetValueOrDefault(contactInboxId);
        }
    }

    /// <summary>The contact inbox with this source id in one of <paramref name="inboxIds"/> (the account's).</summary>
    public FakeContactInbox? FindContactInboxBySource(string sourceId, IReadOnlySet<long> inboxIds)
    {
        lock (_lock)
        {
            return _contactInboxes.Values.FirstOrDefault(ci => ci.SourceId == sourceId && inboxIds.Contains(ci.InboxId));
        }
    }

    /// <summary>Contact#valid?'s full messages and attributes for a new contact, in Rails' order; empty when valid.</summary>
    public (List<string> Messages, List<string> Attributes) Validate(long accountId, string? name, string? identifier, string? phoneNumber, string? email)
    {
        lock (_lock)
        {
            return ValidateLocked(accountId, name, identifier, phoneNumber, email);
        }
    }

    /// <summary>Saves the contact (null with the validation errors when invalid).</summary>
    public FakeContact? CreateContact(
        long accountId, string? name, string? identifier, string? phoneNumber, string? email, out (List<string> Messages, List<string> Attributes) errors)
    {
        lock (_lock)
        {
            errors = ValidateLocked(accountId, name, identifier, phoneNumber, email);
            if (errors.Messages.Count > 0)
            {
                return null;
            }

            var contact = new FakeContact(++_lastContactId, accountId, name, Blank(identifier), Blank(phoneNumber), Blank(email)?.ToLowerInvariant(), DateTimeOffset.UtcNow);
            return _contacts[contact.Id] = contact;
        }
    }

    public bool RemoveContact(long contactId)
    {
        lock (_lock)
        {
            foreach (var id in _contactInboxes.Values.Where(ci => ci.ContactId == contactId).Select(ci => ci.Id).ToList())
            {
                _contactInboxes.Remove(id);
            }

            return _contacts.Remove(contactId);
        }
    }

    /// <summary>ContactInboxBuilder#perform for an API inbox: a null <paramref name="sourceId"/> becomes a new
    /// UUID (so a new contact inbox every time); an existing (contact, inbox, source) is returned as it is. Null when
    /// the source id already belongs to another contact in the inbox (RecordNotUnique).</summary>
    public FakeContactInbox? FindOrCreateContactInbox(long contactId, long inboxId, string? sourceId, ContactInboxOrigin origin)
    {
        lock (_lock)
        {
            sourceId ??= Guid.NewGuid().ToString();
            var sameSource = _contactInboxes.Values.FirstOrDefault(ci => ci.InboxId == inboxId && ci.SourceId == sourceId);
            if (sameSource is not null)
            {
                return sameSource.ContactId == contactId ? sameSource : null;
            }

            var contactInbox = new FakeContactInbox(++_lastContactInboxId, contactId, inboxId, sourceId, origin, DateTimeOffset.UtcNow);
            return _contactInboxes[contactInbox.Id] = contactInbox;
        }
    }

    /// <summary>ContactsController#search: name, email and phone number contain <paramref name="query"/>
    /// (ILIKE), the identifier contains it (LIKE, case-sensitive), or the id equals it; by id, 15 a page.</summary>
    public (int Total, IReadOnlyList<FakeContact> Page) Search(long accountId, string query, int page, int perPage)
    {
        var id = Regex.IsMatch(query, @"\A\d+\z") && long.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        lock (_lock)
        {
            var matches = _contacts.Values.Where(c => c.AccountId == accountId && (
                Contains(c.Name, query, StringComparison.OrdinalIgnoreCase)
                || Contains(c.Email, query, StringComparison.OrdinalIgnoreCase)
                || Contains(c.PhoneNumber, query, StringComparison.OrdinalIgnoreCase)
                || Contains(c.Identifier, query, StringComparison.Ordinal)
                || c.Id == id)).ToList();
            return (matches.Count, [.. matches.Skip((Math.Max(page, 1) - 1) * perPage).Take(perPage)]);
        }
    }

    private (List<string> Messages, List<string> Attributes) ValidateLocked(
        long accountId, string? name, string? identifier, string? phoneNumber, string? email)
    {
        var messages = new List<string>();
        var attributes = new List<string>();
        void Add(string attribute, string message)
        {
            messages.Add(message);
            attributes.Add(attribute);
        }

        var others = _contacts.Values.Where(c => c.AccountId == accountId).ToList();
        if (Blank(email) is { } mail)
        {
            if (others.Any(c => string.Equals(c.Email, mail, StringComparison.OrdinalIgnoreCase)))
            {
                Add("email", "Email has already been taken");
            }

            if (!Regex.IsMatch(mail, @"\A[^@\s]+@[^@\s]+\z"))
            {
                Add("email", "Email Invalid email");
            }
        }

        if (Blank(identifier) is { } id && others.Any(c => c.Identifier == id))
        {
            Add("identifier", "Identifier has already been taken");
        }

        if (Blank(phoneNumber) is { } phone)
        {
            if (others.Any(c => c.PhoneNumber == phone))
            {
                Add("phone_number", "Phone number has already been taken");
            }

            if (!Regex.IsMatch(phone, @"\A\+[1-9]\d{1,14}\z"))
            {
                Add("phone_number", "Phone number should be in e164 format");
            }
        }

        if (name is { Length: > 255 })
        {
            Add("name", "Name is too long (maximum is 255 characters)");
        }

        return (messages, attributes);
    }

    private static bool Contains(string? value, string query, StringComparison comparison) =>
        value is not null && value.Contains(query, comparison);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
