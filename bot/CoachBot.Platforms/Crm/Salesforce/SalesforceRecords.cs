namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>One batch of a SOQL query: up to 2,000 records, and the URL of the next batch until <see cref="Done"/>.</summary>
public sealed record SalesforceQueryResult<T>(int TotalSize, bool Done, IReadOnlyList<T> Records, string? NextRecordsUrl);

public sealed record SalesforceUser(string Id, string? Email, string? Name);

public sealed record SalesforceOpportunity(
    string Id, string? Name, string? OwnerId, decimal? Amount, string? CurrencyIsoCode, string? StageName, bool IsClosed, bool IsWon,
    DateOnly? CloseDate, DateTimeOffset CreatedDate, DateTimeOffset? LastStageChangeDate, DateOnly? LastActivityDate, DateTimeOffset LastModifiedDate);

public sealed record SalesforceTask(
    string Id, string? TaskSubtype, DateOnly? ActivityDate, DateTimeOffset CreatedDate, string? OwnerId, string? WhatId, DateTimeOffset LastModifiedDate);

public sealed record SalesforceEvent(
    string Id, DateTimeOffset? StartDateTime, DateTimeOffset CreatedDate, string? OwnerId, string? WhatId, DateTimeOffset LastModifiedDate);
