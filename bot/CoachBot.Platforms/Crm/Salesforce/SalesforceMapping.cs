using CoachBot.Coaching.Crm;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>Salesforce records as the neutral CRM records. Dates without a time (CloseDate, ActivityDate) are taken as midnight UTC.</summary>
public static class SalesforceMapping
{
    // Opportunity ids start with the key prefix 006; a Task's WhatId may also point at an account or a case.
    private const string OpportunityPrefix = "006";

    public static CrmOwner ToOwner(this SalesforceUser user) => new(user.Id, user.Email, user.Name);

    public static CrmDeal ToDeal(this SalesforceOpportunity o)
    {
        var status = !o.IsClosed ? CrmDealStatus.Open : o.IsWon ? CrmDealStatus.Won : CrmDealStatus.Lost;
        return new CrmDeal(o.Id, o.Name ?? "", o.OwnerId, o.Amount, o.CurrencyIsoCode, o.StageName ?? "", status, o.CloseDate, o.CreatedDate,
            o.LastStageChangeDate, status == CrmDealStatus.Open ? null : Midnight(o.CloseDate), Midnight(o.LastActivityDate), o.LastModifiedDate);
    }

    public static CrmActivity ToActivity(this SalesforceTask task) => new(task.Id,
        task.TaskSubtype switch
        {
            "Call" => CrmActivityKind.Call,
            "Email" or "ListEmail" => CrmActivityKind.Email,
            _ => CrmActivityKind.Task,
        },
        task.OwnerId, Deal(task.WhatId), Midnight(task.ActivityDate) ?? task.CreatedDate, task.LastModifiedDate);

    public static CrmActivity ToActivity(this SalesforceEvent meeting) =>
        new(meeting.Id, CrmActivityKind.Meeting, meeting.OwnerId, Deal(meeting.WhatId), meeting.StartDateTime ?? meeting.CreatedDate, meeting.LastModifiedDate);

    private static string? Deal(string? whatId) => whatId is not null && whatId.StartsWith(OpportunityPrefix, StringComparison.Ordinal) ? whatId : null;

    private static DateTimeOffset? Midnight(DateOnly? date) => date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
