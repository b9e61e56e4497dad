namespace CoachBot.Coaching.Crm;

/// <summary>A connection with what the sync job decides on: its status ('active', 'paused', 'failed') and who connected it.</summary>
public sealed record CrmConnectionState(CrmConnection Connection, string Status, long? CreatedBy, DateTime? LastSyncAt);
