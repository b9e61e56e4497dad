namespace CoachBot.Platforms.Teams;

// What the Connector answers: an activity id, or a created conversation's id (and first activity id).
public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
