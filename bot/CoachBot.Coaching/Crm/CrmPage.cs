namespace CoachBot.Coaching.Crm;

/// <summary>Where a read starts: everything modified at or after <see cref="ModifiedSince"/> (null: a full load), resuming at <see cref="Page"/>.</summary>
public sealed record CrmCursor(DateTimeOffset? ModifiedSince, string? Page);

/// <summary>One page of a read. <see cref="Next"/> is the connector's own token for the page after it, null on the last page.</summary>
public sealed record CrmPage<T>(IReadOnlyList<T> Items, string? Next);
