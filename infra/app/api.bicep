metadata description = 'The WhatsApp media deletion API: a .NET 10 isolated function app on its own Flex Consumption (FC1) plan, running as a user-assigned identity with no keys in its settings.'

@description('Function app name; also the azd service "api" target.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app (the app also gets azd-service-name).')
param tags object

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Storage account used by the Functions host, the work queues and the deployment container.')
param storageAccountName string

@description('Blob container Flex Consumption deploys the app package to.')
param deploymentContainerName string

@description('Application Insights component the app reports to.')
param applicationInsightsName string

@description('Vault URI holding the tenant-{tenantId} secrets.')
param keyVaultUri string

@description('Work queue name (MediaDeletion__Queue).')
param mediaDeletionQueueName string

@allowed([
  512
  2048
  4096
])
@description('Memory of each instance in MB.')
param instanceMemoryMB int

@minValue(1)
@maxValue(1000)
@description('Upper bound of instances the app scales out to.')
param maximumInstanceCount int

@description('Subnet (delegated to Microsoft.App/environments) for VNet integration; empty for none.')
param virtualNetworkSubnetId string = ''

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    // Flex Consumption is Linux only.
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd finds the resource to deploy the "api" service to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    // On Flex Consumption runtime, scale and deployment live here instead of in app settings
    // (FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE... are deprecated there).
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Host storage and the app's own queue client, by identity only (the account refuses shared keys).
      // The app reads __queueServiceUri, __tableServiceUri (batch state), __credential and __clientId itself; the host
      // also needs blobs.
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      // Lets DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity (Key Vault client).
      AZURE_CLIENT_ID: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      // The component refuses key-only ingestion (DisableLocalAuth), so telemetry is sent with this identity.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
      MediaDeletion__Queue: mediaDeletionQueueName
      KeyVault__VaultUri: keyVaultUri
    }
  }
}

@description('Function app name.')
output name string = functionApp.name

@description('Base URL of the app (routes are under /api).')
output uri string = 'https://${functionApp.properties.defaultHostName}'
