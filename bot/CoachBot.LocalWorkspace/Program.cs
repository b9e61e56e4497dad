using CoachBot.LocalWorkspace;

var app = WorkspaceApp.Build(args);
await app.RunAsync();
