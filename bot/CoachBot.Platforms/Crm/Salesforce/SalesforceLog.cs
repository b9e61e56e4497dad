using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Crm.Salesforce;

internal static partial class SalesforceLog
{
    [LoggerMessage(EventId = 2651, Level = LogLevel.Information, Message = "Salesforce refused the session ({Code}); signing in again once")]
    public static partial void SessionRefused(ILogger logger, string code);

    [LoggerMessage(EventId = 2652, Level = LogLevel.Information, Message = "Salesforce could not be reached ({Error}); trying again")]
    public static partial void NetworkRetry(ILogger logger, string error);

    [LoggerMessage(EventId = 2653, Level = LogLevel.Warning, Message = "The org's Salesforce API usage is {Usage}, past the {Share:P0} CoachBot may use; syncing stops until the next UTC day")]
    public static partial void UsageStop(ILogger logger, string usage, double share);

    [LoggerMessage(EventId = 2654, Level = LogLevel.Information, Message = "This Salesforce org has no CurrencyIsoCode (not multi-currency); deals are read without it")]
    public static partial void SingleCurrency(ILogger logger);

    [LoggerMessage(EventId = 2655, Level = LogLevel.Information, Message = "A stored Salesforce query locator expired ({Object}); reading it again from the cursor")]
    public static partial void LocatorExpired(ILogger logger, string @object);
}
