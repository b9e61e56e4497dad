namespace CoachBot.Platforms.Teams;

// What the Connector answers: an activity id, or a created conversation's id (and first activity id).
public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>
/// One member of a conversation (GET v3/conversations/{id}/members/{userId}). Teams' documented shape carries
/// givenName/surname/objectId; the live service also sends name and aadObjectId, so both spellings are read.
/// </summary>
public sealed record ConnectorMember(
    string? Id, string? Name, string? AadObjectId, string? ObjectId, string? GivenName, string? Surname, string? Email, string? UserPrincipalName)
{
    /// <summary>The member's email; a work account's user principal name is its sign-in address.</summary>
    public string? Address => Email is { Length: > 0 } email ? email : UserPrincipalName is { } upn && upn.Contains('@') ? upn : null;

    /// <summary>The Entra object id, under either spelling.</summary>
    public string? EntraObjectId => AadObjectId is { Length: > 0 } aad ? aad : ObjectId;

    /// <summary>The person's name as Teams shows it, cleaned; empty when the Connector gave none.</summary>
    public string DisplayName
    {
        get
        {
            var name = string.IsNullOrWhiteSpace(Name) ? string.Join(' ', new[] { GivenName, Surname }.Where(p => !string.IsNullOrWhiteSpace(p))) : Name;
            var clean = ActivityReader.CleanText(name).Trim();
            return clean.Length <= ActivityReader.MaxNameLength ? clean : clean[..ActivityReader.MaxNameLength];
        }
    }
}
