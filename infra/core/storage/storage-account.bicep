metadata description = 'Storage account reachable with Microsoft Entra identities only, with its blob containers and queues created up front.'

@minLength(3)
@maxLength(24)
@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
param name string

@description('Region of the account.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Private blob containers to create.')
param containerNames string[]

@description('Queues to create.')
param queueNames string[]

@allowed([
  'Enabled'
  'Disabled'
])
@description('Disabled leaves private endpoints as the only data-plane path.')
param publicNetworkAccess string = 'Enabled'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // Account keys and SAS are refused: every caller must present an Entra token.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }
}

@description('Resource id, the private endpoints\' target and role assignments\' scope.')
output id string = storage.id

@description('Account name.')
output name string = storage.name

@description('Blob service endpoint (with a trailing slash).')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue service endpoint (with a trailing slash).')
output queueEndpoint string = storage.properties.primaryEndpoints.queue
