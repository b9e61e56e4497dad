namespace CoachBot.Platforms.Crm.HubSpot;

// POST /crm/v3/objects/{object}/search: one filter group, one sort, the properties to return, page size and offset.
internal sealed record HubSpotSearch(HubSpotFilterGroup[] FilterGroups, HubSpotSort[] Sorts, string[] Properties, int Limit, string? After);

internal sealed record HubSpotFilterGroup(HubSpotFilter[] Filters);

internal sealed record HubSpotFilter(string PropertyName, string Operator, string Value);

internal sealed record HubSpotSort(string PropertyName, string Direction);
