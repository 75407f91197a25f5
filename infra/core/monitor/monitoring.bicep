metadata description = 'Log Analytics workspace and a workspace-based Application Insights component that accept Microsoft Entra authenticated telemetry only.'

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Region of both resources.')
param location string

@description('Tags applied to both resources.')
param tags object

@minValue(30)
@maxValue(730)
@description('Days the workspace keeps logs.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Workspace shared keys are never needed: telemetry arrives through Application Insights.
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // The instrumentation key in the connection string stops being enough to write telemetry;
    // the app authenticates with its managed identity (Monitoring Metrics Publisher).
    DisableLocalAuth: true
  }
}

@description('Application Insights component name.')
output applicationInsightsName string = applicationInsights.name

@description('Log Analytics workspace name.')
output logAnalyticsName string = workspace.name
