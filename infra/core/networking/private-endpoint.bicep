metadata description = 'One private endpoint for one sub-resource, with its private DNS zone linked to the virtual network so the public host name resolves to the private address inside it.'

@description('Private endpoint name.')
param name string

@description('Region of the private endpoint (the virtual network\'s region).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the service the endpoint connects to.')
param targetResourceId string

@description('Sub-resource (group id) of the target, e.g. blob, queue, vault.')
param groupId string

@description('Private DNS zone recommended for that sub-resource, e.g. privatelink.blob.core.windows.net.')
param privateDnsZoneName string

@description('Subnet the endpoint\'s network interface goes into.')
param subnetId string

@description('Virtual network the DNS zone is linked to.')
param virtualNetworkId string

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: privateDnsZoneName
  location: 'global'
  tags: tags

  resource link 'virtualNetworkLinks' = {
    name: 'vnet-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetworkId
      }
    }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetResourceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }

  // Keeps the zone's A record in step with the endpoint's address for as long as the endpoint exists.
  resource dnsZoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: groupId
          properties: {
            privateDnsZoneId: zone.id
          }
        }
      ]
    }
  }
}

@description('Private endpoint id.')
output id string = endpoint.id
