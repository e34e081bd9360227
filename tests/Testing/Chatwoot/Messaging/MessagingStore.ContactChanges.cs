using System.Text.RegularExpressions;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Contact updates (Contact#save! with its validations), ContactMergeAction and a contact's conversations.</summary>
internal sealed partial class MessagingStore
{
    /// <summary>Assigns the fields given (null leaves one as it is) and saves; null with the validation errors when
    /// the contact would be invalid (another contact has the identifier or phone number, a phone not in E.164).</summary>
    public FakeContact? UpdateContact(
        long contactId, string? name, string? identifier, string? phoneNumber, string? avatarUrl, out (List<string> Messages, List<string> Attributes) errors)
    {
        lock (_lock)
        {
            errors = ([], []);
            var contact = _contacts[contactId];
            var others = _contacts.Values.Where(c => c.AccountId == contact.AccountId && c.Id != contactId).ToList();
            if (Blank(identifier) is { } id && others.Any(c => c.Identifier == id))
            {
                errors.Messages.Add("Identifier has already been taken");
                errors.Attributes.Add("identifier");
            }

            if (Blank(phoneNumber) is { } phone)
            {
                if (others.Any(c => c.PhoneNumber == phone))
                {
                    errors.Messages.Add("Phone number has already been taken");
                    errors.Attributes.Add("phone_number");
                }

                if (!Regex.IsMatch(phone, @"\A\+[1-9]\d{1,14}\z"))
                {
                    errors.Messages.Add("Phone number should be in e164 format");
                    errors.Attributes.Add("phone_number");
                }
            }

            if (errors.Messages.Count > 0)
            {
                return null;
            }

            var updated = contact with
            {
                Name = name ?? contact.Name,
                Identifier = identifier is null ? contact.Identifier : Blank(identifier),
                PhoneNumber = phoneNumber is null ? contact.PhoneNumber : Blank(phoneNumber),
                AvatarUrl = avatarUrl ?? contact.AvatarUrl,
            };
            return _contacts[contactId] = updated;
        }
    }

    /// <summary>ContactMergeAction#perform: the mergee's conversations, messages and contact inboxes become the
    /// base's, then the mergee is destroyed. The same contact twice is a no-op.</summary>
    public void MergeContacts(long baseContactId, long mergeeContactId)
    {
        lock (_lock)
        {
            if (baseContactId == mergeeContactId)
            {
                return;
            }

            foreach (var conversation in _conversations.Values.Where(c => c.ContactId == mergeeContactId).ToList())
            {
                _conversations[conversation.Id] = conversation with { ContactId = baseContactId };
            }

            foreach (var contactInbox in _contactInboxes.Values.Where(ci => ci.ContactId == mergeeContactId).ToList())
            {
                _contactInboxes[contactInbox.Id] = contactInbox with { ContactId = baseContactId };
            }

            _contacts.Remove(mergeeContactId);
        }
    }

    /// <summary>Contacts::ConversationsController#index: the contact's conversations in <paramref name="inboxIds"/>
    /// (the caller's inboxes), newest first, at most 20.</summary>
    public IReadOnlyList<FakeConversation> ConversationsOfContact(long contactId, IReadOnlySet<long> inboxIds)
    {
        lock (_lock)
        {
            return [.. _conversations.Values.Where(c => c.ContactId == contactId && inboxIds.Contains(c.InboxId)).OrderByDescending(c => c.Id).Take(20)];
        }
    }
}
