using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Tests.Crm;

public sealed class CrmCommandParserTests
{
    [Theory]
    [InlineData("crm connect hubspot", CrmAction.Connect, CrmKind.HubSpot)]
    [InlineData("CRM Connect Salesforce", CrmAction.Connect, CrmKind.Salesforce)]
    [InlineData("crm status", CrmAction.Status, null)]
    [InlineData("crm unmatched", CrmAction.Unmatched, null)]
    [InlineData("crm sync", CrmAction.Sync, null)]
    [InlineData("crm disconnect csv", CrmAction.Disconnect, CrmKind.Csv)]
    public void ReadsEachCrmCommand(string text, CrmAction action, CrmKind? kind)
    {
        Assert.Equal(new CrmCommand(action, kind), ManagerCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("crm connect", "Say which CRM: `crm connect hubspot|salesforce`.")]
    [InlineData("crm connect csv", "\"csv\" is not one of hubspot, salesforce.")]
    [InlineData("crm disconnect pipedrive", "\"pipedrive\" is not one of hubspot, salesforce, csv.")]
    [InlineData("crm status now", "`crm status` takes nothing after it.")]
    [InlineData("crm", "Say what to do: connect, import, status, unmatched, sync, disconnect.")]
    [InlineData("crm import", "Say `crm import deals` followed by the CSV lines.")]
    [InlineData("crm import deals", "No CSV lines after `crm import deals`: paste the export, header row first.")]
    public void WrongInputIsAnsweredWithTheValidOptionsAndTheUsage(string text, string problem)
    {
        var invalid = Assert.IsType<ManagerCommand.Invalid>(ManagerCommandParser.Parse(text));

        // The echoed word is the admin's own text, marked so every renderer escapes it.
        Assert.Equal($"{problem} Usage: {ManagerUsage.Lines["crm"]}", new CoachBot.Coaching.Chat.ComposedText(invalid.Message).Plain);
    }

    [Fact]
    public void AnImportKeepsThePastedLinesAsTheyCame()
    {
        var command = ManagerCommandParser.Parse("crm import deals\nDeal Name,Amount,Deal owner email\nAcme,\"1,200\",sam@example.com");

        var import = Assert.IsType<CoachBot.Coaching.Crm.Import.ImportDeals>(command);
        Assert.Equal("Deal Name,Amount,Deal owner email\nAcme,\"1,200\",sam@example.com", import.Csv);
    }
}
