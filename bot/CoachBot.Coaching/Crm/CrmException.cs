namespace CoachBot.Coaching.Crm;

public enum CrmFailure
{
    /// <summary>The credentials were refused or expired and could not be renewed: the admin must reconnect.</summary>
    Unauthorized,

    /// <summary>The CRM's allowance is used up (Salesforce daily API requests, HubSpot daily limit): try after <see cref="CrmException.RetryAfter"/>.</summary>
    LimitReached,

    /// <summary>A scope or permission is missing: the admin must grant it.</summary>
    PermissionMissing,

    /// <summary>The CRM failed or could not be reached; the next run tries again.</summary>
    Unavailable,
}

/// <summary>What a connector throws when a read cannot go on. The message is for the admin; it never carries a token or a body.</summary>
public sealed class CrmException(CrmFailure failure, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public CrmFailure Failure { get; } = failure;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
