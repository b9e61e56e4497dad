using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Crm.Import;

namespace CoachBot.Coaching.Tests.Crm.Import;

public sealed class DealsCsvTests
{
    [Fact]
    public void AHubSpotExportIsReadByItsOwnHeaders()
    {
        var file = DealsCsv.Parse("""
            Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Owner Email,Pipeline
            9001,"Acme, renewal",Proposal,"12,500.50",2026-03-31,2026-01-10 09:30,Sam Rep,Sam@Acme.example,Sales Pipeline
            9002,Globex,Closed won,9000,2026-02-28,2026-01-02,Sam Rep,sam@acme.example,Sales Pipeline
            """);

        Assert.Empty(file.Problems);
        Assert.Equal(["Pipeline"], file.IgnoredColumns);
        var acme = file.Rows[0];
        Assert.Equal(("9001", "Acme, renewal", "sam@acme.example", "Sam Rep", 12500.50m, "Proposal", CrmDealStatus.Open, new DateOnly(2026, 3, 31)),
            (acme.Id, acme.Name, acme.OwnerEmail, acme.OwnerName, acme.Amount, acme.Stage, acme.Status, acme.CloseDate));
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 9, 30, 0, TimeSpan.Zero), acme.CreatedAt);
        Assert.Equal(CrmDealStatus.Won, file.Rows[1].Status);
    }

    [Fact]
    public void ASalesforceExportIsReadByItsOwnHeadersAndFlags()
    {
        var file = DealsCsv.Parse("""
            Opportunity ID,Opportunity Name,Opportunity Owner: Email,Stage,Amount,Opportunity Currency,Closed,Won,Close Date,Created Date
            006A,Initech,kim@acme.example,Negotiation,$40000,usd,false,false,2026-04-15,2026-02-01
            006B,Umbrella,kim@acme.example,Dead,100,USD,true,false,2026-02-20,2026-01-05
            """);

        Assert.Empty(file.Problems);
        Assert.Equal([(CrmDealStatus.Open, "USD", 40000m), (CrmDealStatus.Lost, "USD", 100m)], file.Rows.Select(r => (r.Status, r.Currency!, r.Amount!.Value)));
    }

    [Fact]
    public void EveryBadRowIsReportedWithItsNumberAndWhatWouldBeValidAndNoRowIsKept()
    {
        var file = DealsCsv.Parse("""
            Deal Name,Owner Email,Stage,Amount,Close Date,Status
            Acme,sam@acme.example,Proposal,12500,2026-03-31,open
            Globex,sam,Proposal,lots,3/4/2026,maybe
            ,kim@acme.example,,,,
            """);

        Assert.Empty(file.Rows);
        Assert.Equal(
        [
            "Row 3: owner \"sam\" is not an email (owners are matched to reps by email).",
            "Row 3: amount \"lots\" is not a number (e.g. 12500.50).",
            "Row 3: close date \"3/4/2026\" is not a date: write it as 2026-03-31 (or 2026-03-31 14:30).",
            "Row 3: status \"maybe\" must be open, won or lost.",
            "Row 4: the deal name is empty.",
            "Row 4: the stage is empty.",
        ], file.Problems.Select(Plain));
    }

    [Fact]
    public void AFileWithoutTheRequiredColumnsNamesTheHeadersItAccepts()
    {
        var file = DealsCsv.Parse("Deal Name,Amount\nAcme,100");

        Assert.Equal(
        [
            "No owner email column: name one Owner Email, Deal Owner Email, Opportunity Owner Email, Opportunity Owner: Email, Email.",
            "No stage column: name one Deal Stage, Stage, Stage Name, Opportunity Stage.",
        ], file.Problems);
    }

    [Fact]
    public void TheSameDealTwiceIsRefusedEvenWithoutAnIdColumn()
    {
        var file = DealsCsv.Parse("Deal Name,Owner Email,Stage\nAcme,sam@acme.example,Proposal\nACME,SAM@acme.example,Demo");

        Assert.Empty(file.Rows);
        Assert.Contains("appears more than once", Assert.Single(file.Problems));
    }

    // Echoed cell values are marked as outside text for the renderers to escape; the words are what is checked here.
    private static string Plain(string text) => text.Replace("\uFFF9", "", StringComparison.Ordinal).Replace("\uFFFB", "", StringComparison.Ordinal);
}
